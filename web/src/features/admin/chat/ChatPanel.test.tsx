import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff } from '../testing';

const reply = {
  answer: 'Os mais vendidos de 01/12 a 07/12 foram Margherita (12) e Calabresa (9).',
  intent: 'top_products',
  source: 'offline',
  data: {
    period: { from: '2026-12-01', to: '2026-12-07', days: 7 },
    category: null,
    products: [
      { name: 'Margherita', quantity: 12, revenueCents: 55080 },
      { name: 'Calabresa', quantity: 9, revenueCents: 44910 },
    ],
  },
};

describe('the chatbot panel', () => {
  it('asks a question and shows the answer with its figures as a table', async () => {
    const calls = asStaff('admin', (call) => (call.url === '/chat' ? { status: 200, body: reply } : undefined));
    renderAt('/admin/assistente');
    await userEvent.type(await screen.findByLabelText('Sua pergunta'), 'Quais os mais vendidos esta semana?');
    await userEvent.click(screen.getByRole('button', { name: 'Perguntar' }));
    expect(await screen.findByText(reply.answer)).toBeInTheDocument();
    expect(screen.getByText('2026-12-01 a 2026-12-07')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Nome', 'Quantidade', 'Receita']);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/Margherita\s*12\s*R\$\s550,80/);
    expect(calls.filter((c) => c.url === '/chat').map((c) => c.body)).toEqual([{ question: 'Quais os mais vendidos esta semana?' }]);
    expect(screen.getByLabelText('Sua pergunta')).toHaveValue('');
  });

  it('shows the filters applied, what it could not filter by, and both periods of a comparison', async () => {
    const comparison = {
      answer: 'Não consigo separar por forma de pagamento; o número abaixo não tem esse filtro. Só bebidas: …',
      intent: 'revenue',
      source: 'offline',
      filters: { category: 'DRINK', compare: '2026-12-06..2026-12-06' },
      notFiltered: ['payment_method'],
      data: {
        current: { period: { from: '2026-12-07', to: '2026-12-07', days: 1 }, orders: 3, revenueCents: 2100, currency: 'BRL' },
        previous: { period: { from: '2026-12-06', to: '2026-12-06', days: 1 }, orders: 1, revenueCents: 700, currency: 'BRL' },
      },
    };
    asStaff('admin', (call) => (call.url === '/chat' ? { status: 200, body: comparison } : undefined));
    renderAt('/admin/assistente');
    await userEvent.type(await screen.findByLabelText('Sua pergunta'), 'bebidas no pix hoje vs ontem');
    await userEvent.click(screen.getByRole('button', { name: 'Perguntar' }));
    expect(await screen.findByText(comparison.answer)).toBeInTheDocument();
    expect(screen.getByText('Categoria: DRINK; Comparado com: 2026-12-06..2026-12-06')).toBeInTheDocument();
    expect(screen.getByText('forma de pagamento')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Período pedido' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Comparado com' })).toBeInTheDocument();
    expect(screen.getByText('2026-12-07 a 2026-12-07')).toBeInTheDocument();
    expect(screen.getByText('2026-12-06 a 2026-12-06')).toBeInTheDocument();
  });

  it('shows the API’s complaint about the question next to it', async () => {
    asStaff('admin', (call) =>
      call.url === '/chat' ? { status: 400, body: { status: 400, title: 'Bad Request', violations: [{ field: 'question', message: 'size must be between 1 and 500' }] } } : undefined,
    );
    renderAt('/admin/assistente');
    await userEvent.type(await screen.findByLabelText('Sua pergunta'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Perguntar' }));
    expect(await screen.findByText('Deve ter entre 1 e 500 caracteres.')).toBeInTheDocument();
  });
});
