import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MenuItem } from '../../lib/types';
import { renderAt, stubApi } from '../../test-utils';
import { getCart } from '../cart/store';

const menu: MenuItem[] = [
  { productId: 'p1', name: 'Margherita', description: 'Molho, muçarela e manjericão', category: 'PIZZA', priceCents: 4590, available: 12, soldOut: false },
  { productId: 'p2', name: 'Calabresa', description: '', category: 'PIZZA', priceCents: 4990, available: 3, soldOut: false },
  { productId: 'p3', name: 'Portuguesa', description: '', category: 'PIZZA', priceCents: 5290, available: 0, soldOut: true },
  { productId: 'p4', name: 'Guaraná 2 L', description: '', category: 'DRINK', priceCents: 1290, available: 40, soldOut: false },
];

describe('the menu', () => {
  it('lists products by category, says how few are left, and greys out what is sold out', async () => {
    stubApi((call) => (call.url === '/stock/menu' ? { status: 200, body: menu } : undefined));
    renderAt('/');
    const pizzas = await screen.findByRole('region', { name: 'Pizzas' });
    expect(within(screen.getByRole('region', { name: 'Bebidas' })).getByText('Guaraná 2 L')).toBeInTheDocument();

    const calabresa = within(pizzas).getByRole('article', { name: 'Calabresa' });
    expect(within(calabresa).getByText('restam 3')).toBeInTheDocument();
    expect(within(calabresa).getByText(/R\$\s49,90/)).toBeInTheDocument();
    expect(within(within(pizzas).getByRole('article', { name: 'Margherita' })).queryByText(/restam/)).toBeNull();

    const portuguesa = within(pizzas).getByRole('article', { name: 'Portuguesa' });
    expect(within(portuguesa).getByText('Esgotado')).toBeInTheDocument();
    expect(within(portuguesa).getByRole('button', { name: 'Adicionar Portuguesa ao carrinho' })).toBeDisabled();
  });

  it('puts a product in the cart, kept in localStorage', async () => {
    stubApi((call) => (call.url === '/stock/menu' ? { status: 200, body: menu } : undefined));
    renderAt('/');
    const margherita = await screen.findByRole('article', { name: 'Margherita' });
    await userEvent.click(within(margherita).getByRole('button', { name: /Adicionar/ }));
    await userEvent.click(within(margherita).getByRole('button', { name: /Adicionar/ }));
    expect(getCart()).toEqual([{ productId: 'p1', name: 'Margherita', unitPriceCents: 4590, quantity: 2 }]);
    expect(JSON.parse(localStorage.getItem('pizzeria.cart')!)).toHaveLength(1);
    expect(screen.getByRole('link', { name: /Carrinho: 2 itens/ })).toBeInTheDocument();
  });
});
