import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startSession } from '../../lib/session';
import type { MenuItem, Order, User } from '../../lib/types';
import { renderAt, stubApi, type Call } from '../../test-utils';
import { saveCart } from '../cart/store';

const menu: MenuItem[] = [
  { productId: 'p1', name: 'Margherita', description: '', category: 'PIZZA', priceCents: 4590, available: 12, soldOut: false },
];
const me: User = {
  id: 'u1', name: 'Ana Souza', email: 'ana@example.com', role: 'customer', createdAt: '2026-12-01T10:00:00Z',
  address: { street: 'Av. Paulista', number: '1000', district: 'Bela Vista', city: 'São Paulo', state: 'SP', postalCode: '01310-100' },
};
const order = (status: Order['status']): Order => ({
  id: 'o1', customerId: 'u1', status, items: [{ productId: 'p1', name: 'Margherita', quantity: 2, unitPriceCents: 4590 }],
  totalCents: 9180, currency: 'BRL', timeline: [{ status, at: '2026-12-07T10:00:00Z' }], createdAt: '2026-12-07T10:00:00Z',
});

function api(onOrder: (call: Call) => { status: number; body?: unknown }) {
  return stubApi((call) => {
    if (call.url === '/stock/menu') return { status: 200, body: menu };
    if (call.url === '/users/me') return { status: 200, body: me };
    if (call.url === '/orders' && call.method === 'POST') return onOrder(call);
    if (call.url === '/orders/o1') return { status: 200, body: order('CONFIRMED') };
    return undefined;
  });
}

beforeEach(() => {
  startSession('token-1', 3600);
  saveCart([{ productId: 'p1', name: 'Margherita', unitPriceCents: 4590, quantity: 2 }]);
});

describe('checkout', () => {
  it('prefills the address from the profile and places one order for a double click, with a key and Prefer: wait', async () => {
    const calls = api(() => ({ status: 201, body: order('CONFIRMED') }));
    const { router } = renderAt('/carrinho');
    expect(await screen.findByLabelText('Rua')).toHaveValue('Av. Paulista');
    const button = screen.getByRole('button', { name: 'Finalizar pedido' });
    await userEvent.dblClick(button);
    await waitFor(() => expect(router.state.location.pathname).toBe('/pedido/o1'));
    const posts = calls.filter((c) => c.method === 'POST' && c.url === '/orders');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[0]!.headers.Prefer).toBe('wait=10');
    expect(posts[0]!.headers.Authorization).toBe('Bearer token-1');
    expect(posts[0]!.body).toEqual({
      items: [{ productId: 'p1', quantity: 2 }],
      deliveryAddress: me.address,
      payment: { cardToken: 'tok_approved' },
    });
    expect(localStorage.getItem('pizzeria.cart')).toBeNull();
  });

  it('sends the same key again when the first answer was lost', async () => {
    let n = 0;
    const calls = api(() => (++n === 1 ? { status: 503, body: { status: 503, title: 'Service Unavailable' } } : { status: 201, body: order('CONFIRMED') }));
    const { router } = renderAt('/carrinho');
    await userEvent.click(await screen.findByRole('button', { name: 'Finalizar pedido' }));
    expect(await screen.findByText(/indisponível/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/pedido/o1'));
    const keys = calls.filter((c) => c.method === 'POST').map((c) => c.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('shows the API’s violations next to the fields they name', async () => {
    api(() => ({
      status: 400,
      body: { status: 400, title: 'Bad Request', violations: [{ field: 'deliveryAddress.postalCode', message: 'must be a CEP such as 01310-100' }] },
    }));
    renderAt('/carrinho');
    await userEvent.click(await screen.findByRole('button', { name: 'Finalizar pedido' }));
    const cep = screen.getByLabelText('CEP');
    await waitFor(() => expect(cep).toHaveAttribute('aria-invalid', 'true'));
    expect(cep).toHaveAccessibleDescription('Informe um CEP como 01310-100.');
    expect(localStorage.getItem('pizzeria.cart')).not.toBeNull();
  });

  it('sends an expired session to sign in again and keeps the cart', async () => {
    api(() => ({ status: 401, body: { status: 401, title: 'Unauthorized' } }));
    const { router } = renderAt('/carrinho');
    await userEvent.click(await screen.findByRole('button', { name: 'Finalizar pedido' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/entrar'));
    expect(router.state.location.search).toContain('voltar=%2Fcarrinho');
    expect(await screen.findByText(/sessão expirou/)).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('pizzeria.cart')!)).toHaveLength(1);
  });
});
