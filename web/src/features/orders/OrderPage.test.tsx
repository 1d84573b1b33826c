import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startSession } from '../../lib/session';
import type { Order } from '../../lib/types';
import { renderAt, stubApi } from '../../test-utils';

const base: Order = {
  id: '3f1c2a4e-0000-4000-8000-000000000001', customerId: 'u1', status: 'PENDING',
  items: [{ productId: 'p1', name: 'Calabresa', quantity: 2, unitPriceCents: 4990 }],
  totalCents: 9980, currency: 'BRL', timeline: [{ status: 'PENDING', at: '2026-12-07T13:00:00Z' }], createdAt: '2026-12-07T13:00:00Z',
};
const path = `/pedido/${base.id}`;

beforeEach(() => startSession('token-1', 3600));

function answer(order: Order, payments: unknown[] = []) {
  return stubApi((call) => {
    if (call.url === `/orders/${base.id}`) return { status: 200, body: order };
    if (call.url === `/orders/${base.id}/cancel`) return { status: 200, body: { ...order, status: 'CANCELLED', reason: 'CANCELLED_BY_CUSTOMER' } };
    if (call.url.startsWith('/payments?orderId=')) return { status: 200, body: payments };
    if (call.url === '/stock/menu') return { status: 200, body: [] };
    if (call.url === '/users/me') return { status: 200, body: { id: 'u1', name: 'Ana', email: 'a@b.c', role: 'customer', createdAt: '' } };
    return undefined;
  });
}

describe('the order page', () => {
  it('names the ingredient that ran out', async () => {
    answer({ ...base, status: 'REJECTED', reason: 'OUT_OF_STOCK', shortages: [{ sku: 'MOLHO-TOMATE', needed: 400, available: 150 }] });
    renderAt(path);
    expect(await screen.findByText('Faltaram ingredientes para o seu pedido.')).toBeInTheDocument();
    expect(screen.getByText('Molho tomate: o pedido precisava de 400, havia 150')).toBeInTheDocument();
    expect(screen.getByText('Recusado', { selector: 'h1 .status' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancelar pedido' })).toBeNull();
  });

  it('says why the card was declined, from the payment', async () => {
    answer({ ...base, status: 'CANCELLED', reason: 'PAYMENT_DECLINED' }, [
      { id: 'pay1', orderId: base.id, status: 'DECLINED', amountCents: 9980, reason: 'INSUFFICIENT_FUNDS', createdAt: '' },
    ]);
    renderAt(path);
    expect(await screen.findByText('Pagamento recusado: saldo insuficiente.')).toBeInTheDocument();
    expect(screen.getByText('Nada foi cobrado e os itens voltaram ao estoque.')).toBeInTheDocument();
  });

  it('lets the customer cancel while the order is not confirmed yet', async () => {
    const calls = answer(base);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(path);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancelar pedido' }));
    await waitFor(() => expect(screen.getByText('Cancelado', { selector: 'h1 .status' })).toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/orders/${base.id}/cancel`]);
    expect(screen.queryByRole('button', { name: 'Cancelar pedido' })).toBeNull();
  });

  it('shows the total and the timeline in pt-BR', async () => {
    answer({ ...base, status: 'CONFIRMED', timeline: [...base.timeline, { status: 'CONFIRMED', at: '2026-12-07T13:00:05Z' }] });
    renderAt(path);
    expect(await screen.findByText('Pedido confirmado! Já vamos preparar.')).toBeInTheDocument();
    expect(screen.getByText(/R\$\s99,80/, { selector: '.total strong' })).toBeInTheDocument();
    expect(screen.getByText('10:00:05')).toBeInTheDocument();
  });
});
