import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff, mozzarella, page, tomato } from '../testing';

const ledger = [
  { id: 'm2', sku: 'MUCARELA', type: 'RESERVE', onHandDelta: 0, reservedDelta: 200, onHandAfter: 1200, reservedAfter: 200, orderId: 'cccccccc-0000-4000-8000-000000000003', reason: null, actor: 'orders', at: '2026-12-07T21:00:00Z' },
  { id: 'm1', sku: 'MUCARELA', type: 'RESTOCK', onHandDelta: 1200, reservedDelta: 0, onHandAfter: 1200, reservedAfter: 0, orderId: null, reason: 'Entrega do laticínio', actor: 'admin', at: '2026-12-07T12:00:00Z' },
];

function answer(move: () => { status: number; body?: unknown }) {
  return asStaff('admin', (call) => {
    if (call.url === '/stock/ingredients/MUCARELA') return { status: 200, body: mozzarella };
    if (call.url.startsWith('/stock/ingredients/MUCARELA/movements?')) return page(ledger);
    if (call.url === '/stock/ingredients/MUCARELA/movements' && call.method === 'POST') return move();
    if (call.url.startsWith('/stock/ingredients?')) return page([mozzarella, tomato]);
    return undefined;
  });
}

describe('an ingredient in the console', () => {
  it('lists the ingredients with on hand, reserved, available and the low flag', async () => {
    answer(() => ({ status: 201 }));
    renderAt('/admin/estoque');
    const row = await screen.findByRole('row', { name: /Muçarela/ });
    expect(row).toHaveTextContent(/900 g\s*1\.200 g\s*200 g\s*2\.000 g/);
    expect(within(row).getByText('baixo')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Molho de tomate/ })).queryByText('baixo')).toBeNull();
  });

  it('records a waste with its reason, and shows the ledger', async () => {
    const calls = answer(() => ({ status: 201, body: ledger[1] }));
    renderAt('/admin/estoque/MUCARELA');
    expect(await screen.findByRole('heading', { name: /Muçarela/ })).toBeInTheDocument();
    const history = await screen.findByRole('region', { name: 'Histórico de movimentações' });
    expect(within(history).getByRole('row', { name: /Reserva de pedido/ })).toHaveTextContent('Reservado: +200 g');
    expect(within(history).getByRole('link', { name: 'Pedido cccccccc' })).toHaveAttribute('href', '/admin/pedidos/cccccccc-0000-4000-8000-000000000003');

    await userEvent.selectOptions(screen.getByLabelText('Tipo'), 'WASTE');
    await userEvent.type(screen.getByLabelText('Quantidade (gramas)'), '150');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    // no reason: refused here, nothing sent
    expect(await screen.findByText('Diga o motivo.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Motivo'), 'Caiu no chão');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(await screen.findByText(/Movimentação registrada/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ type: 'WASTE', quantity: 150, reason: 'Caiu no chão' }]);
  });

  it('says plainly why a movement was refused (409), next to the quantity', async () => {
    answer(() => ({
      status: 409,
      body: { type: 'https://pizzeria.example/problems/below-reserved', title: 'Stock is held for orders', status: 409, detail: 'MUCARELA has 1200 on hand of which 200 are held' },
    }));
    renderAt('/admin/estoque/MUCARELA');
    await userEvent.selectOptions(await screen.findByLabelText('Tipo'), 'ADJUSTMENT');
    await userEvent.type(screen.getByLabelText('Quantidade (gramas)'), '-1100');
    await userEvent.type(screen.getByLabelText('Motivo'), 'Contagem');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    await waitFor(() => expect(screen.getByLabelText('Quantidade (gramas)')).toHaveAccessibleDescription(/reservada para pedidos em andamento/));
    expect(screen.getByRole('alert')).toHaveTextContent(/reservada para pedidos em andamento/);
  });
});
