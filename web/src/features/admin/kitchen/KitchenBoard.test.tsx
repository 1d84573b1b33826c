import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff, order, page } from '../testing';

const id = 'bbbbbbbb-0000-4000-8000-000000000002';

function answer(statusAnswer: (status: string) => { status: number; body?: unknown }) {
  return asStaff('kitchen', (call) => {
    // the read side lags: it keeps listing the order as CONFIRMED
    if (call.url.startsWith('/orders?status=CONFIRMED')) return page([order(id, 'CONFIRMED')]);
    if (call.url.startsWith('/orders?')) return page([]);
    if (call.url === `/orders/${id}/status`) return statusAnswer((call.body as { status: string }).status);
    if (call.url === '/reports/orders/in-progress') return { status: 200, body: { total: 1, byStatus: { CONFIRMED: 1 }, oldestWaitingSeconds: 60 } };
    return undefined;
  });
}

describe('the kitchen board', () => {
  it('moves a card to the next column with one click, before the read side catches up', async () => {
    const calls = answer((status) => ({ status: 200, body: order(id, status as 'PREPARING') }));
    renderAt('/admin/cozinha');
    const confirmed = await screen.findByRole('region', { name: /^Confirmado/ });
    const card = await within(confirmed).findByRole('article', { name: 'Pedido bbbbbbbb' });
    expect(card).toHaveTextContent('2× Margherita');
    await userEvent.click(within(card).getByRole('button', { name: 'Começar preparo' }));

    const preparing = screen.getByRole('region', { name: /^Em preparo/ });
    const moved = await within(preparing).findByRole('article', { name: 'Pedido bbbbbbbb' });
    expect(within(moved).getByRole('button', { name: 'Saiu para entrega' })).toBeEnabled();
    expect(within(screen.getByRole('region', { name: /^Confirmado/ })).queryByRole('article')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ status: 'PREPARING' }]);
  });

  it('says so when someone else moved the order first (409)', async () => {
    answer(() => ({ status: 409, body: { status: 409, title: 'Conflict', detail: 'Not the next step' } }));
    renderAt('/admin/cozinha');
    const card = await screen.findByRole('article', { name: 'Pedido bbbbbbbb' });
    await userEvent.click(within(card).getByRole('button', { name: 'Começar preparo' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Este pedido já mudou de etapa'));
  });
});
