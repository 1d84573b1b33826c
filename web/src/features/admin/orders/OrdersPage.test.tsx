import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff, order, page } from '../testing';

const id = 'dddddddd-0000-4000-8000-000000000004';

describe('orders in the console', () => {
  it('searches by the start of the id, and filters by status and day', async () => {
    const calls = asStaff('admin', (call) => (call.url.startsWith('/orders?') ? page([order(id, 'PREPARING')]) : undefined));
    const { router } = renderAt('/admin/pedidos');
    expect(await screen.findByRole('link', { name: 'dddddddd' })).toHaveAttribute('href', `/admin/pedidos/${id}`);
    await userEvent.type(screen.getByLabelText('Número do pedido (começo)'), 'dddd');
    await userEvent.click(screen.getByRole('button', { name: 'Buscar' }));
    await userEvent.selectOptions(screen.getByLabelText('Situação'), 'PREPARING');
    await waitFor(() => expect(router.state.location.search).toBe('?q=dddd&status=PREPARING'));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/orders?q=dddd&status=PREPARING&offset=0&limit=20'));
  });

  it('shows the API’s violation next to the field it names', async () => {
    asStaff('admin', (call) =>
      call.url.includes('q=xyz')
        ? { status: 400, body: { status: 400, title: 'Bad Request', violations: [{ field: 'q', message: 'must be the start of an order id (hexadecimal digits and dashes)' }] } }
        : call.url.startsWith('/orders?') ? page([]) : undefined,
    );
    renderAt('/admin/pedidos?q=xyz');
    await waitFor(() => expect(screen.getByLabelText('Número do pedido (começo)')).toHaveAccessibleDescription(/Informe o começo do número do pedido/));
    expect(screen.getByRole('alert')).toHaveTextContent('Confira os campos destacados.');
  });

  it('shows an order’s timeline, shortages and payments, and lets the admin cancel it', async () => {
    const placed = { ...order(id, 'CONFIRMED'), shortages: null };
    const calls = asStaff('admin', (call) => {
      if (call.url === `/orders/${id}`) return { status: 200, body: placed };
      if (call.url === `/orders/${id}/cancel`) return { status: 200, body: { ...placed, status: 'CANCELLED', reason: 'CANCELLED_BY_ADMIN', timeline: [...placed.timeline, { status: 'CANCELLED', at: '2026-12-07T22:30:00Z', reason: 'CANCELLED_BY_ADMIN' }] } };
      if (call.url === `/payments?orderId=${id}`) return { status: 200, body: [{ id: 'pay1', orderId: id, status: 'AUTHORIZED', amountCents: 9180, createdAt: '2026-12-07T22:00:01Z' }] };
      return undefined;
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(`/admin/pedidos/${id}`);
    const payments = await screen.findByRole('row', { name: /Autorizado/ });
    expect(payments).toHaveTextContent(/R\$\s91,80/);
    await userEvent.click(screen.getByRole('button', { name: 'Cancelar pedido (administração)' }));
    expect(await screen.findByText('A pizzaria cancelou o pedido.', { selector: '.alert' })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/orders/${id}/cancel`]);
    expect(screen.queryByRole('button', { name: 'Cancelar pedido (administração)' })).toBeNull();
  });

  it('names the ingredient that was missing', async () => {
    asStaff('admin', (call) => {
      if (call.url === `/orders/${id}`) return { status: 200, body: { ...order(id, 'REJECTED'), reason: 'OUT_OF_STOCK', shortages: [{ sku: 'MUCARELA', needed: 400, available: 150 }] } };
      if (call.url.startsWith('/payments?')) return { status: 200, body: [] };
      return undefined;
    });
    renderAt(`/admin/pedidos/${id}`);
    expect(await screen.findByText('Mucarela: o pedido precisava de 400, havia 150')).toBeInTheDocument();
    expect(await screen.findByText('Nenhum pagamento para este pedido.')).toBeInTheDocument();
  });
});
