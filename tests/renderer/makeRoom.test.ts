// Nodes that grow when a run's unit tiles appear push the rows below them down instead of covering
// them (a template laid out in two rows on a narrow canvas overlapped).
import { describe, expect, it } from 'vitest';
import { makeRoom, ROOM } from '../../src-renderer/canvas/makeRoom';

const box = (x: number, y: number) => ({ x, y, width: 172, height: 76 });

describe('making room for grown nodes', () => {
  const rows = new Map([
    ['input', box(0, 0)],
    ['h1', box(262, 0)],
    ['h2', box(0, 136)],
    ['out', box(262, 136)],
  ]);

  it('moves the row below a grown node down by what it now covers, the whole row alike', () => {
    const shift = makeRoom(rows, [{ id: 'h1', before: rows.get('h1')!, height: 300 }]);
    // h1 now ends at 300; out (below it) starts at 136: it and its row move by 300 + ROOM - 136.
    expect(shift.get('out')).toBe(300 + ROOM - 136);
    expect(shift.get('h2')).toBe(300 + ROOM - 136);
    expect(shift.has('input')).toBe(false);
  });

  it('takes the tallest of a row’s grown nodes once, and leaves a row that has room alone', () => {
    const shift = makeRoom(rows, [
      { id: 'input', before: rows.get('input')!, height: 120 },
      { id: 'h1', before: rows.get('h1')!, height: 300 },
    ]);
    expect(shift.get('out')).toBe(300 + ROOM - 136);
    expect(makeRoom(rows, [{ id: 'h1', before: rows.get('h1')!, height: 90 }]).size).toBe(0);
  });

  it('moves nothing for a chain in one row, or a node that shrank', () => {
    const chain = new Map([
      ['a', box(0, 0)],
      ['b', box(262, 0)],
    ]);
    expect(makeRoom(chain, [{ id: 'a', before: chain.get('a')!, height: 400 }]).size).toBe(0);
    expect(makeRoom(rows, [{ id: 'h1', before: rows.get('h1')!, height: 40 }]).size).toBe(0);
  });
});
