import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff } from '../testing';

describe('dead letters', () => {
  it('lists each service’s dead letters per queue and replays them', async () => {
    let replayed = false;
    const calls = asStaff('admin', (call) => {
      if (call.url === '/stock/dead-letters')
        return {
          status: 200,
          body: replayed
            ? [{ queue: 'stock.commands', deadLetterQueue: 'stock.commands.dlq', count: 0, letters: [] }]
            : [{ queue: 'stock.commands', deadLetterQueue: 'stock.commands.dlq', count: 1, letters: [{ messageId: 'msg-1', type: 'ReserveStock', correlationId: 'order-1', body: '{"orderId":"order-1"}' }] }],
        };
      if (call.url === '/stock/dead-letters/stock.commands/replay') {
        replayed = true;
        return { status: 200, body: { queue: 'stock.commands', replayed: 1 } };
      }
      if (call.url === '/payments/dead-letters') return { status: 503, body: { status: 503, title: 'Service Unavailable' } };
      if (call.url.endsWith('/dead-letters')) return { status: 200, body: [] };
      return undefined;
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt('/admin/mensagens');
    const stock = await screen.findByRole('region', { name: 'Estoque' });
    const queue = await within(stock).findByRole('group', { name: 'Fila stock.commands' });
    expect(queue).toHaveTextContent('1 mensagem');
    expect(within(queue).getByRole('row', { name: /ReserveStock/ })).toHaveTextContent('order-1');
    expect(await within(screen.getByRole('region', { name: 'Pagamentos' })).findByRole('alert')).toHaveTextContent('indisponível');

    await userEvent.click(within(queue).getByRole('button', { name: 'Reenviar para stock.commands' }));
    expect(await within(stock).findByText('1 mensagem(ns) reenviada(s) para stock.commands.')).toBeInTheDocument();
    await waitFor(() => expect(queue).toHaveTextContent('Nenhuma mensagem com falha.'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/stock/dead-letters/stock.commands/replay']);
  });
});
