// When the editor fits the view again by itself (issue #16: fit view cut the last node once the
// output column appeared): only a graph that was wholly in view, and is no longer, clear of the
// toolbar and the minimap.
import { describe, expect, it } from 'vitest';
import { allOnScreen, needsRefit } from '../../src-renderer/canvas/keepInView';

const clear = { top: 64, right: 32, bottom: 112, left: 32 };
const chain = [
  { x: 0, y: 0, width: 172, height: 76 },
  { x: 262, y: 0, width: 172, height: 76 },
  { x: 524, y: 0, width: 172, height: 76 },
];
const view = { x: 40, y: 100, zoom: 1 };

describe('keeping the graph in view', () => {
  it('sees a graph on screen only when every node is, zoom and pan applied', () => {
    expect(allOnScreen(chain, view, { width: 760, height: 400 })).toBe(true);
    // The output column took 256 px: the last node ends at 40 + 696 = 736 > 504.
    expect(allOnScreen(chain, view, { width: 504, height: 400 })).toBe(false);
    expect(allOnScreen(chain, { x: 40, y: 100, zoom: 0.5 }, { width: 504, height: 400 })).toBe(true);
    // Under the toolbar's band at the top.
    expect(allOnScreen(chain, { x: 40, y: 20, zoom: 1 }, { width: 760, height: 400 }, clear)).toBe(false);
  });

  it('fits again after a graph in view lost a node to the column, not a graph the user zoomed into', () => {
    expect(needsRefit(true, chain, view, { width: 504, height: 400 }, clear)).toBe(true);
    expect(needsRefit(false, chain, view, { width: 504, height: 400 }, clear)).toBe(false);
    expect(needsRefit(true, chain, view, { width: 800, height: 400 }, clear)).toBe(false);
    // Grown nodes reaching into the minimap's band at the bottom.
    const tall = chain.map((b) => ({ ...b, height: 260 }));
    expect(needsRefit(true, tall, view, { width: 800, height: 400 }, clear)).toBe(true);
    expect(needsRefit(true, [], view, { width: 10, height: 10 }, clear)).toBe(false);
  });
});
