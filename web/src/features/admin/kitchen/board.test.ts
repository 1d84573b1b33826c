import { order } from '../testing';
import { arrange, MOVED_TTL_MS, settled, type Moved } from './board';

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
});
