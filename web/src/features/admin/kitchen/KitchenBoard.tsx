import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { api, ApiError } from '../../../lib/api';
import { formatTime } from '../../../lib/format';
import { a, kitchenAction, orderStatus, t } from '../../../lib/messages';
import type { Order } from '../../../lib/types';
import { ADMIN, problemText } from '../common';
import { arrange, COLUMNS, NEXT, oldestOf, settled, type Column, type Moved } from './board';

/** How often the board asks again: a new confirmed order shows up within this time. */
export const BOARD_POLL_MS = 3000;

/**
 * The kitchen board: confirmed orders as cards in three columns (confirmed, preparing, out for delivery); one click
 * moves a card to the next status (delivered takes it off the board). It asks again every few seconds.
 */
export function KitchenBoard() {
  const client = useQueryClient();
  const columns = useQueries({
    queries: COLUMNS.map((status) => ({
      queryKey: [ADMIN, 'kitchen', status],
      queryFn: () => oldestOf((offset, limit) => api.staffOrders({ status, limit, offset })),
      refetchInterval: BOARD_POLL_MS,
    })),
  });
  const inProgress = useQuery({ queryKey: [ADMIN, 'in-progress'], queryFn: api.inProgress, refetchInterval: BOARD_POLL_MS, retry: false });
  const [moved, setMoved] = useState<ReadonlyMap<string, Moved>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const lists = columns.map((c) => c.data?.items ?? []);
  const totals = Object.fromEntries(COLUMNS.map((status, i) => [status, columns[i]?.data?.total ?? 0])) as Record<Column, number>;
  const updatedAt = Math.max(...columns.map((c) => c.dataUpdatedAt));
  // forget the steps that the read side now shows
  useEffect(() => {
    const done = settled(lists, moved);
    if (done.length) {
      setMoved((current) => {
        const next = new Map(current);
        done.forEach((id) => next.delete(id));
        return next;
      });
    }
  }, [updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const advance = useMutation({
    mutationFn: (order: Order) => api.advanceOrder(order.id, NEXT[order.status as Column]),
    onSuccess: (order) => {
      setError(null);
      setMoved((current) => new Map(current).set(order.id, { order, at: Date.now() }));
      client.invalidateQueries({ queryKey: [ADMIN, 'kitchen'] });
      client.invalidateQueries({ queryKey: [ADMIN, 'in-progress'] });
    },
    onError: (e) => {
      setError(e instanceof ApiError && e.status === 409 ? a.stepTaken : problemText(e));
      client.invalidateQueries({ queryKey: [ADMIN, 'kitchen'] });
    },
  });

  if (columns.some((c) => c.isPending)) return <Loading />;
  const failed = columns.find((c) => c.isError);
  const board = arrange(lists, moved);
  return (
    <section aria-labelledby="kitchen" className="kitchen">
      <h2 id="kitchen">{a.kitchen}</h2>
      <p className="hint">{a.kitchenHint}</p>
      {inProgress.data && (
        <p className="kitchen-summary">
          {a.inProgressTotal(inProgress.data.total)}
          {inProgress.data.total > 0 && `; ${a.oldestWaiting(Math.floor(inProgress.data.oldestWaitingSeconds / 60))}`}
        </p>
      )}
      {failed && <Alert kind="error">{problemText(failed.error)}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="board">
        {COLUMNS.map((column) => (
          <section key={column} className="board-column" aria-labelledby={`column-${column}`}>
            <h3 id={`column-${column}`}>
              {orderStatus[column]} <span className="count-pill">{Math.max(board[column].length, totals[column])}</span>
            </h3>
            {totals[column] > board[column].length && <p className="hint">{a.oldestShown(board[column].length, totals[column])}</p>}
            {board[column].length === 0 && <p className="hint">{a.noCards}</p>}
            {board[column].map((order) => (
              <OrderCard
                key={order.id}
                order={order}
                column={column}
                busy={advance.isPending && advance.variables?.id === order.id}
                onAdvance={() => advance.mutate(order)}
              />
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}

function OrderCard({ order, column, busy, onAdvance }: { order: Order; column: Column; busy: boolean; onAdvance: () => void }) {
  const titleId = `card-${order.id}`;
  const action = kitchenAction[column]!;
  return (
    <article className="card" aria-labelledby={titleId} data-order-id={order.id}>
      <h4 id={titleId}>{t.orderTitle(order.id)}</h4>
      <p className="hint">
        {a.placedAt(formatTime(order.createdAt))}
        {order.deliveryAddress && ` · ${order.deliveryAddress.district}`}
      </p>
      <ul>
        {order.items.map((item) => (
          <li key={item.productId}>
            <strong>{item.quantity}×</strong> {item.name}
          </li>
        ))}
      </ul>
      <button type="button" className="advance" disabled={busy} onClick={onAdvance}>
        {action}
      </button>
    </article>
  );
}
