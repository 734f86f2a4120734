// Undo/redo stacks: each edit one step, same-key edits coalesce, redo clears on a new edit.
import { describe, expect, it } from 'vitest';
import { COALESCE_MS, emptyHistory, HISTORY_LIMIT, record, redo, seal, undo } from '../../src-renderer/document/history';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = emptyHistory<number>();
    h = record(h, 0, null, 0);
    h = record(h, 1, null, 1);
    let current = 2;
    const u1 = undo(h, current)!;
    expect(u1.restored).toBe(1);
    const u2 = undo(u1.history, u1.restored)!;
    expect(u2.restored).toBe(0);
    expect(undo(u2.history, 0)).toBeNull();
    const r1 = redo(u2.history, 0)!;
    expect(r1.restored).toBe(1);
    current = redo(r1.history, 1)!.restored;
    expect(current).toBe(2);
  });

  it('coalesces edits with the same key inside the window, not after it or after seal', () => {
    let h = emptyHistory<string>();
    h = record(h, 'a', 'units', 1000);
    h = record(h, 'a1', 'units', 1000 + COALESCE_MS / 2);
    expect(h.past).toEqual(['a']);
    h = record(h, 'a12', 'units', 1000 + COALESCE_MS * 3);
    expect(h.past).toEqual(['a', 'a12']);
    h = seal(h);
    h = record(h, 'x', 'units', 1000 + COALESCE_MS * 3 + 1);
    expect(h.past).toHaveLength(3);
    h = record(h, 'y', 'other', 1000 + COALESCE_MS * 3 + 2);
    expect(h.past).toHaveLength(4);
  });

  it('forgets the redo branch when a new edit is made', () => {
    let h = emptyHistory<number>();
    h = record(h, 0, null, 0);
    const u = undo(h, 1)!;
    expect(u.history.future).toEqual([1]);
    expect(record(u.history, 0, null, 5).future).toEqual([]);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = record(h, i, null, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});
