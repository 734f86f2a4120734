// Where each node's column of unit tiles sits inside the node, measured once it is drawn, so an
// edge can run its weight lines from one layer's tiles to the next one's (flow coordinates follow
// from the node's position). Offsets are in the node's own pixels, unaffected by zoom.
import { create } from 'zustand';

export interface TileOffset {
  left: number;
  top: number;
}

interface TileAnchorState {
  byNode: Record<string, TileOffset>;
  set(id: string, offset: TileOffset | null): void;
}

export const useTileAnchors = create<TileAnchorState>()((set, get) => ({
  byNode: {},
  set(id, offset) {
    const before = get().byNode[id];
    if (offset ? before?.left === offset.left && before.top === offset.top : !before) return;
    const byNode = { ...get().byNode };
    if (offset) byNode[id] = offset;
    else delete byNode[id];
    set({ byNode });
  },
}));

/** The element's offset from the React Flow node that holds it (offsets add up along offsetParents). */
export function offsetInNode(el: HTMLElement): TileOffset | null {
  let left = 0;
  let top = 0;
  for (let e: HTMLElement | null = el; e; e = e.offsetParent as HTMLElement | null) {
    if (e.classList.contains('react-flow__node')) return { left, top };
    left += e.offsetLeft;
    top += e.offsetTop;
  }
  return null;
}
