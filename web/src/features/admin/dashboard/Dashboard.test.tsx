import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff, margherita, mozzarella, page, quattro, tomato } from '../testing';

const sales = {
  timeZone: 'America/Sao_Paulo',
  asOf: '2026-12-07T22:10:05Z',
  days: [
    { day: '2026-12-06', orders: 2, units: 3, revenueCents: 13770, averageTicketCents: 6885 },
    { day: '2026-12-07', orders: 3, units: 4, revenueCents: 18360, averageTicketCents: 6120 },
  ],
};
const payments = (bucket: string) => ({
  timeZone: 'America/Sao_Paulo',
  asOf: '2026-12-07T22:10:05Z',
  buckets:
    bucket === 'day'
      ? [
          { start: '2026-12-06T03:00:00Z', attempts: 4, approved: 3, declined: 1, failureRate: 0.25, byReason: { INSUFFICIENT_FUNDS: 1 } },
          { start: '2026-12-07T03:00:00Z', attempts: 0, approved: 0, declined: 0, failureRate: 0, byReason: {} },
        ]
      : [{ start: '2026-12-07T22:00:00Z', attempts: 5, approved: 5, declined: 0, failureRate: 0, byReason: {} }],
});

function answer() {
  return asStaff('admin', (call) => {
    if (call.url === '/reports/sales') return { status: 200, body: sales };
    if (call.url.startsWith('/reports/payments?bucket=')) return { status: 200, body: payments(call.url.split('=')[1]!) };
    if (call.url === '/reports/orders/in-progress')
      return { status: 200, body: { asOf: '2026-12-07T22:10:05Z', total: 4, byStatus: { PENDING: 1, AWAITING_PAYMENT: 0, CONFIRMED: 2, PREPARING: 1, OUT_FOR_DELIVERY: 0 }, oldestWaitingSeconds: 425 } };
    if (call.url.startsWith('/stock/ingredients?')) return page([mozzarella, tomato]);
    if (call.url.startsWith('/stock/products?')) return page([margherita, quattro]);
    return undefined;
  });
}

describe('the dashboard', () => {
  it('shows sales per day: today, the 30 days, and the numbers behind the bars', async () => {
    answer();
    renderAt('/admin');
    const card = await screen.findByRole('region', { name: 'Vendas por dia' });
    expect(await within(card).findByTestId('sales-today')).toHaveTextContent(/R\$\s183,60\s*3 pedidos/);
    expect(within(card).getByText(/R\$\s321,30/)).toBeInTheDocument();
    const rows = within(card).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/07\/12\s*3\s*R\$\s183,60\s*R\$\s61,20/);
    expect(within(card).getByText('Atualizado às 19:10:05')).toBeInTheDocument();
  });

  it('counts the orders in progress by status', async () => {
    answer();
    renderAt('/admin');
    const card = await screen.findByRole('region', { name: 'Pedidos em processamento' });
    expect(await within(card).findByText('4 pedidos em andamento')).toBeInTheDocument();
    expect(within(card).getByText('o mais antigo espera há 7 min')).toBeInTheDocument();
    expect(within(card).getAllByRole('listitem').map((li) => li.textContent)).toContain('Confirmado 2');
  });

  it('shows the payment failure rate per day, and per hour today', async () => {
    const calls = answer();
    renderAt('/admin');
    const card = await screen.findByRole('region', { name: 'Taxa de falha de pagamentos' });
    expect(await within(card).findByText('25%', { selector: '.big-number' })).toBeInTheDocument();
    // a day without attempts is a gap, not a 0%: only the day with attempts is in the numbers
    expect(within(card).getAllByRole('row')).toHaveLength(2);
    await userEvent.click(within(card).getByRole('button', { name: 'Hoje, por hora' }));
    expect(await within(card).findByText('0%', { selector: '.big-number' })).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toContain('/reports/payments?bucket=hour');
  });

  it('lists low stock with how many pizzas each ingredient still allows', async () => {
    answer();
    renderAt('/admin');
    const card = await screen.findByRole('region', { name: 'Estoque baixo' });
    const row = await within(card).findByRole('row', { name: /Muçarela/ });
    expect(row).toHaveTextContent('900 g');
    expect(within(row).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['3 × Quatro queijos', '4 × Margherita']);
    expect(within(card).queryByText(/Molho de tomate/)).toBeNull();
  });
});
