import { order } from '../testing';
import type { Order } from '../../../lib/types';
import { arrange, COLUMN_LIMIT, MOVED_TTL_MS, oldestOf, settled, type Moved } from './board';

const first = order('00000001-0000-4000-8000-000000000000', 'CONFIRMED', '2026-12-07T22:00:00Z');
const second = order('00000002-0000-4000-8000-000000000000', 'CONFIRMED', '2026-12-07T22:05:00Z');
const now = 1_000_000;

describe('the kitchen board', () => {
  it('puts each order in the column of its status, oldest first', () => {
    const board = arrange([[second, first], [], []], new Map(), now);
    expect(board.CONFIRMED.map((o) => o.id)).toEqual([first.id, second.id]);
    expect(board.PREPARING).toEqual([]);
  });

  it('shows a step taken here before the read side has it, and drops a delivered order', () => {
    const moved = new Map<string, Moved>([
      [first.id, { order: { ...first, status: 'PREPARING' }, at: now - 1000 }],
      [second.id, { order: { ...second, status: 'DELIVERED' }, at: now - 1000 }],
    ]);
    const board = arrange([[first], [], [{ ...second, status: 'OUT_FOR_DELIVERY' }]], moved, now);
    expect(board.CONFIRMED).toEqual([]);
    expect(board.PREPARING.map((o) => o.id)).toEqual([first.id]);
    expect(board.OUT_FOR_DELIVERY).toEqual([]);
  });

  it('lets the read side win once it is as far, or when the step is old', () => {
    const moved = new Map<string, Moved>([
      [first.id, { order: { ...first, status: 'PREPARING' }, at: now - 1000 }],
      [second.id, { order: { ...second, status: 'PREPARING' }, at: now - MOVED_TTL_MS - 1 }],
    ]);
    const lists = [[second], [{ ...first, status: 'PREPARING' as const }], []];
    expect(settled(lists, moved, now).sort()).toEqual([first.id, second.id].sort());
    // an old step no longer overrides (the order was cancelled meanwhile, say, and left the read side's lists)
    expect(arrange([[], [], []], moved, now).PREPARING.map((o) => o.id)).toEqual([first.id]);
  });

  it('shows the oldest orders of a column that holds more than one page, and how many it holds', async () => {
    // the staff's list: newest first, 130 confirmed orders
    const all: Order[] = Array.from({ length: COLUMN_LIMIT + 30 }, (_, i) =>
      order(`00000000-0000-4000-8000-${String(1000 - i).padStart(12, '0')}`, 'CONFIRMED', new Date(Date.UTC(2026, 11, 7, 22, 0) - i * 60_000).toISOString()));
    const asked: number[] = [];
    const column = await oldestOf(async (offset, limit) => {
      asked.push(offset);
      return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
    });
    expect(asked).toEqual([0, 30]);
    expect(column.total).toBe(130);
    expect(column.items).toHaveLength(COLUMN_LIMIT);
    expect(column.items).toContain(all[all.length - 1]); // the order that has waited longest is on the board
    expect(column.items).not.toContain(all[0]);
  });

  it('asks once when the column fits in a page', async () => {
    const asked: number[] = [];
    const column = await oldestOf(async (offset, limit) => {
      asked.push(offset);
      return { items: [first], total: 1, limit, offset };
    });
    expect(asked).toEqual([0]);
    expect(column).toEqual({ items: [first], total: 1 });
  });
});
