import { screen, waitFor, within } from '@testing-library/react';
import { renderAt } from '../../test-utils';
import { asStaff, order, page } from './testing';

describe('the console', () => {
  it('gives kitchen staff the board only, whatever path they open', async () => {
    const calls = asStaff('kitchen', (call) => {
      if (call.url.startsWith('/orders?status=CONFIRMED')) return page([order('aaaaaaaa-0000-4000-8000-000000000001', 'CONFIRMED')]);
      if (call.url.startsWith('/orders?')) return page([]);
      if (call.url === '/reports/orders/in-progress') return { status: 200, body: { total: 1, byStatus: { CONFIRMED: 1 }, oldestWaitingSeconds: 120 } };
      return undefined;
    });
    const { router } = renderAt('/admin/estoque');
    expect(await screen.findByRole('heading', { name: 'Cozinha' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/cozinha');
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Cozinha']);
    expect(await screen.findByRole('article', { name: 'Pedido aaaaaaaa' })).toBeInTheDocument();
    // nothing but the kitchen's calls
    expect(calls.filter((c) => c.url.startsWith('/stock/ingredients') || c.url.startsWith('/reports/sales'))).toEqual([]);
  });

  it('tells a customer the area is for staff, and asks the admin API nothing', async () => {
    const calls = asStaff('customer');
    renderAt('/admin');
    expect(await screen.findByText('Esta área é só para a equipe da pizzaria.')).toBeInTheDocument();
    expect(calls.map((c) => c.url).filter((u) => u !== '/users/me' && u !== '/stock/menu')).toEqual([]);
  });

  it('gives the admin every section', async () => {
    asStaff('admin', (call) => {
      if (call.url.startsWith('/reports/')) return { status: 503, body: { status: 503, title: 'Service Unavailable' } };
      if (call.url.startsWith('/stock/')) return page([]);
      return undefined;
    });
    renderAt('/admin');
    const nav = await screen.findByRole('navigation', { name: 'Console' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Painel', 'Cozinha', 'Pedidos', 'Estoque', 'Produtos', 'Usuários', 'Mensagens com falha', 'Assistente',
    ]);
    // a report that cannot be read says so in its own card, the others still show
    await waitFor(() => expect(screen.getAllByText('A pizzaria está indisponível no momento. Tente de novo em instantes.').length).toBeGreaterThan(0));
    expect(await screen.findByText('Nenhum ingrediente abaixo do mínimo.')).toBeInTheDocument();
  });
});
