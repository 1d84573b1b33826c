import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff, margherita, mozzarella, page, quattro, tomato } from '../testing';

function answer(create: () => { status: number; body?: unknown }) {
  return asStaff('admin', (call) => {
    if (call.url.startsWith('/stock/ingredients?')) return page([mozzarella, tomato]);
    if (call.url.startsWith('/stock/products?')) return page([margherita, { ...quattro, soldOut: true, manuallySoldOut: true, soldOutUntil: '2026-12-08T02:00:00Z' }]);
    if (call.url === '/stock/products' && call.method === 'POST') return create();
    if (call.url.endsWith('/sold-out')) return { status: 204 };
    return undefined;
  });
}

describe('products in the console', () => {
  it('marks a product sold out until a time, and lifts a manual sold-out', async () => {
    const calls = answer(() => ({ status: 201 }));
    renderAt('/admin/produtos');
    const row = await screen.findByRole('row', { name: /Margherita/ });
    const until = within(row).getByLabelText('Até (opcional) — Margherita');
    await userEvent.type(until, '2099-12-31T23:00');
    await userEvent.click(within(row).getByRole('button', { name: 'Marcar Margherita esgotado' }));
    const quattroRow = screen.getByRole('row', { name: /Quatro queijos/ });
    expect(within(quattroRow).getByText('Esgotado até 07/12/2026, 23:00')).toBeInTheDocument();
    await userEvent.click(within(quattroRow).getByRole('button', { name: 'Voltar a vender Quatro queijos' }));
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith('/sold-out')).map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', '/stock/products/p-margherita/sold-out', { until: new Date('2099-12-31T23:00').toISOString() }],
      ['DELETE', '/stock/products/p-quattro/sold-out', undefined],
    ]));
  });

  it('creates a product with its recipe and price in cents', async () => {
    const calls = answer(() => ({ status: 201, body: { ...margherita, id: 'p-new', name: 'Napolitana' } }));
    const { router } = renderAt('/admin/produtos/novo');
    await userEvent.type(await screen.findByLabelText('Nome'), 'Napolitana');
    await userEvent.type(screen.getByLabelText('Preço (R$)'), '52,5');
    await screen.findByRole('option', { name: 'Muçarela (MUCARELA)' });
    await userEvent.selectOptions(screen.getByLabelText('Ingrediente 1'), 'MUCARELA');
    await userEvent.type(screen.getByLabelText('Quantidade 1'), '250');
    expect(screen.getByLabelText('Quantidade 1')).toHaveAccessibleDescription('gramas');
    await userEvent.click(screen.getByRole('button', { name: 'Adicionar ingrediente' }));
    await userEvent.selectOptions(screen.getByLabelText('Ingrediente 2'), 'MOLHO-TOMATE');
    await userEvent.type(screen.getByLabelText('Quantidade 2'), '120');
    await userEvent.click(screen.getByRole('button', { name: 'Criar produto' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/produtos'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Napolitana', description: '', category: 'PIZZA', priceCents: 5250, active: true,
      recipe: [{ sku: 'MUCARELA', quantity: 250 }, { sku: 'MOLHO-TOMATE', quantity: 120 }],
    });
    expect(await screen.findByText('Napolitana salvo.')).toBeInTheDocument();
  });

  it('shows the API’s violations next to the recipe line they name', async () => {
    answer(() => ({
      status: 400,
      body: { status: 400, title: 'Bad Request', violations: [{ field: 'recipe[0].quantity', message: 'must be less than or equal to 1000000' }] },
    }));
    renderAt('/admin/produtos/novo');
    await userEvent.type(await screen.findByLabelText('Nome'), 'Gigante');
    await userEvent.type(screen.getByLabelText('Preço (R$)'), '99');
    await screen.findByRole('option', { name: 'Muçarela (MUCARELA)' });
    await userEvent.selectOptions(screen.getByLabelText('Ingrediente 1'), 'MUCARELA');
    await userEvent.type(screen.getByLabelText('Quantidade 1'), '99999999');
    await userEvent.click(screen.getByRole('button', { name: 'Criar produto' }));
    await waitFor(() => expect(screen.getByLabelText('Quantidade 1')).toHaveAccessibleDescription(/Deve ser no máximo 1000000\./));
    expect(screen.getByRole('alert')).toHaveTextContent('Confira os campos destacados.');
  });
});
