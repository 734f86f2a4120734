// Room for nodes that grow (a run's unit tiles stack up inside them): the nodes below a grown node
// that it would now cover move down, with every node below them, so wrapped rows stay rows.
import type { Box } from './keepInView';

/** Space kept between a grown node and the nodes below it. */
export const ROOM = 40;

export interface Growth {
  id: string;
  /** The node's box before it grew. */
  before: Box;
  height: number;
}

/**
 * How far each node moves down (ids absent do not move). For each grown node, from the top: the
 * nodes starting below its old bottom move by what the first of them it now covers needs.
 */
export function makeRoom(boxes: ReadonlyMap<string, Box>, grown: readonly Growth[]): Map<string, number> {
  const shift = new Map<string, number>();
  const at = (id: string) => boxes.get(id)!.y + (shift.get(id) ?? 0);
  for (const g of [...grown].sort((a, b) => a.before.y - b.before.y)) {
    if (g.height <= g.before.height) continue;
    const top = at(g.id);
    const oldBottom = top + g.before.height;
    const newBottom = top + g.height + ROOM;
    let need = 0;
    for (const [id, b] of boxes) {
      if (id === g.id || at(id) < oldBottom) continue;
      const across = b.x < g.before.x + g.before.width && g.before.x < b.x + b.width;
      if (across) need = Math.max(need, newBottom - at(id));
    }
    if (need <= 0) continue;
    for (const id of boxes.keys()) if (id !== g.id && at(id) >= oldBottom) shift.set(id, (shift.get(id) ?? 0) + need);
  }
  return shift;
}
