import type { Order, OrderStatus, Page } from '../../../lib/types';

/** The board's columns: an order is on the board from its confirmation until it is delivered. */
export const COLUMNS = ['CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY'] as const;
export type Column = (typeof COLUMNS)[number];

/** The kitchen's next step for an order in each column (API.md: only these, in this order). */
export const NEXT: Record<Column, OrderStatus> = {
  CONFIRMED: 'PREPARING',
  PREPARING: 'OUT_FOR_DELIVERY',
  OUT_FOR_DELIVERY: 'DELIVERED',
};

const RANK: Partial<Record<OrderStatus, number>> = { CONFIRMED: 1, PREPARING: 2, OUT_FOR_DELIVERY: 3, DELIVERED: 4, CANCELLED: 5, REJECTED: 5 };

/** How long a step the kitchen took here stands in for the read side, which may lag a moment behind. */
export const MOVED_TTL_MS = 15_000;

export interface Moved {
  order: Order;
  at: number;
}

function isColumn(status: OrderStatus): status is Column {
  return (COLUMNS as readonly string[]).includes(status);
}

function rank(status: OrderStatus): number {
  return RANK[status] ?? 0;
}

/**
 * The board: the orders the read side lists per status, corrected by the steps taken here meanwhile (the answers of
 * POST /orders/{id}/status, which come from the write side). An order shows in the column of its latest status;
 * a step taken here wins over an older read until the read side shows it (or for {@link MOVED_TTL_MS}). Oldest
 * first in each column: the kitchen works in order.
 */
export function arrange(lists: Order[][], moved: ReadonlyMap<string, Moved>, now = Date.now()): Record<Column, Order[]> {
  const latest = new Map<string, Order>();
  for (const order of lists.flat()) {
    const seen = latest.get(order.id);
    if (!seen || rank(order.status) > rank(seen.status)) latest.set(order.id, order);
  }
  for (const [id, step] of moved) {
    if (now - step.at > MOVED_TTL_MS) continue;
    const seen = latest.get(id);
    if (!seen || rank(step.order.status) > rank(seen.status)) latest.set(id, step.order);
  }
  const board: Record<Column, Order[]> = { CONFIRMED: [], PREPARING: [], OUT_FOR_DELIVERY: [] };
  for (const order of latest.values()) {
    if (isColumn(order.status)) board[order.status].push(order);
  }
  for (const column of COLUMNS) board[column].sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  return board;
}

/** The steps the read side has caught up with (or that are too old to matter): no longer needed. */
export function settled(lists: Order[][], moved: ReadonlyMap<string, Moved>, now = Date.now()): string[] {
  const read = new Map(lists.flat().map((o) => [o.id, o.status]));
  return [...moved].filter(([id, step]) => now - step.at > MOVED_TTL_MS || rank(read.get(id) ?? 'PENDING') >= rank(step.order.status)).map(([id]) => id);
}

/** The most cards a column shows: the oldest ones, which the kitchen works first. */
export const COLUMN_LIMIT = 100;

/** A column as the board shows it: its oldest orders (at most {@link COLUMN_LIMIT}) and how many it holds in all. */
export interface ColumnPage {
  items: Order[];
  total: number;
}

/**
 * The oldest orders of a column. The staff's list is newest first, so when a column holds more than one page, the
 * last page is the one the kitchen needs (a second request, only then): a busy evening must not hide the orders
 * that have waited longest behind the newest hundred.
 */
export async function oldestOf(list: (offset: number, limit: number) => Promise<Page<Order>>): Promise<ColumnPage> {
  const newest = await list(0, COLUMN_LIMIT);
  if (newest.total <= COLUMN_LIMIT) return { items: newest.items, total: newest.total };
  const oldest = await list(newest.total - COLUMN_LIMIT, COLUMN_LIMIT);
  return { items: oldest.items, total: oldest.total };
}
