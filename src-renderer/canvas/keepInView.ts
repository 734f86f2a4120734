// Keeps a graph that was all in view in view when the canvas changes size (the output column
// shows or hides beside it) or its nodes grow (unit tiles appear once a run starts): the view is
// fitted again. A graph the user had zoomed into or panned partly away is left where it is.
import type { Viewport } from '@xyflow/react';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept clear at each side of the canvas: the toolbar floats top left, the minimap bottom right. */
export interface Inset {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const NONE: Inset = { top: 0, right: 0, bottom: 0, left: 0 };

/** Whether every box (flow coordinates) shows within a canvas of `size` at `viewport`, `inset` kept clear. */
export function allOnScreen(
  boxes: readonly Box[],
  viewport: Viewport,
  size: { width: number; height: number },
  inset: Inset = NONE,
  tolerance = 1,
): boolean {
  return boxes.every((b) => {
    const left = b.x * viewport.zoom + viewport.x;
    const top = b.y * viewport.zoom + viewport.y;
    const right = left + b.width * viewport.zoom;
    const bottom = top + b.height * viewport.zoom;
    return (
      left >= inset.left - tolerance &&
      top >= inset.top - tolerance &&
      right <= size.width - inset.right + tolerance &&
      bottom <= size.height - inset.bottom + tolerance
    );
  });
}

/**
 * Whether a change should fit the view again: the graph was wholly on the canvas before, and
 * now some of it is off the canvas or under the toolbar or minimap.
 */
export function needsRefit(
  before: boolean,
  boxesNow: readonly Box[],
  viewport: Viewport,
  sizeNow: { width: number; height: number },
  clear: Inset,
): boolean {
  return before && boxesNow.length > 0 && !allOnScreen(boxesNow, viewport, sizeNow, clear);
}
