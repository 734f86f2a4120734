// Chart redraws share animation frames: each frame runs the waiting redraws until a few
// milliseconds are spent and leaves the rest to the next frame, so a batch of metrics that touches
// several charts never makes one long frame (ECharts lays out and paints a chart in each call).
// A chart asking again before its turn keeps its place in the queue, with the newest redraw.

/** Milliseconds of chart work per frame before the rest waits (a 60 Hz frame is 16.7). */
export const FRAME_BUDGET_MS = 8;

const waiting = new Map<object, () => void>();
let requested = false;

/** Runs `draw` in a coming animation frame, replacing a redraw `key` still waits with. */
export function drawInFrame(key: object, draw: () => void): void {
  waiting.set(key, draw);
  if (!requested) {
    requested = true;
    requestAnimationFrame(runFrame);
  }
}

/** Drops the redraw `key` waits with (a chart going away). */
export function cancelDraw(key: object): void {
  waiting.delete(key);
}

function runFrame(): void {
  requested = false;
  const start = performance.now();
  // At least one redraw per frame, whatever it costs, so every chart gets its turn.
  for (const [key, draw] of waiting) {
    waiting.delete(key);
    draw();
    if (performance.now() - start >= FRAME_BUDGET_MS) break;
  }
  if (waiting.size > 0 && !requested) {
    requested = true;
    requestAnimationFrame(runFrame);
  }
}
