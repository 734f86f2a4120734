// Chart redraws share animation frames: each frame runs the waiting redraws until a few
// milliseconds are spent and leaves the rest to the next frame, so a batch of metrics that touches
// several charts never makes one long frame (ECharts lays out and paints a chart in each call).
// A chart asking again before its turn keeps its place in the queue, with the newest redraw.
// Charts that follow every batch of steps (the loss) go first: they are the ones watched while a
// run trains. The others wait at most OTHERS_WAIT_MS, then go first, so none starves when frames
// are few (a software-rendered page on busy cores draws one chart per frame).
// The others follow epochs, which a fast run finishes dozens a second: a trend read at a glance,
// each redraws at most every OTHERS_MIN_INTERVAL_MS (a redraw costs ECharts 5-15 ms of layout and
// paint), and its frames go to the rest of the page.

/** Milliseconds of chart work per frame before the rest waits (a 60 Hz frame is 16.7). */
export const FRAME_BUDGET_MS = 8;

const first = new Map<object, () => void>();
const waiting = new Map<object, () => void>();
let requested = false;
/** When the oldest of the other charts' redraws started waiting. */
let othersSince = 0;

/** How long a chart that is not urgent waits behind urgent ones at most. */
export const OTHERS_WAIT_MS = 200;

/** Least time between two redraws of a chart that is not urgent. */
export const OTHERS_MIN_INTERVAL_MS = 500;

/** When each chart that is not urgent last drew. */
const lastDrawn = new WeakMap<object, number>();
/** Redraws held back until their chart's interval has passed: the newest draw, and its timer. */
const held = new Map<object, { draw: () => void; timer: ReturnType<typeof setTimeout> }>();

/** Runs `draw` in a coming animation frame, replacing a redraw `key` still waits with; `urgent` ones go before the others. */
export function drawInFrame(key: object, draw: () => void, urgent = false): void {
  if (!urgent) {
    const pending = held.get(key);
    if (pending) {
      pending.draw = draw;
      return;
    }
    const wait = (lastDrawn.get(key) ?? -Infinity) + OTHERS_MIN_INTERVAL_MS - performance.now();
    if (wait > 0 && !waiting.has(key)) {
      const timer = setTimeout(() => {
        const h = held.get(key);
        held.delete(key);
        if (h) drawInFrame(key, h.draw);
      }, wait);
      held.set(key, { draw, timer });
      return;
    }
  }
  if (!urgent && waiting.size === 0) othersSince = performance.now();
  (urgent ? first : waiting).set(key, draw);
  if (!requested) {
    requested = true;
    requestAnimationFrame(runFrame);
  }
}

/** Drops the redraw `key` waits with (a chart going away). */
export function cancelDraw(key: object): void {
  first.delete(key);
  waiting.delete(key);
  const h = held.get(key);
  if (h) clearTimeout(h.timer);
  held.delete(key);
}

function runFrame(): void {
  requested = false;
  const start = performance.now();
  // At least one redraw per frame, whatever it costs.
  const queues = start - othersSince >= OTHERS_WAIT_MS ? [waiting, first] : [first, waiting];
  frame: for (const queue of queues)
    for (const [key, draw] of queue) {
      queue.delete(key);
      if (queue === waiting) {
        othersSince = start;
        lastDrawn.set(key, start);
      }
      draw();
      if (performance.now() - start >= FRAME_BUDGET_MS) break frame;
    }
  if (first.size + waiting.size > 0 && !requested) {
    requested = true;
    requestAnimationFrame(runFrame);
  }
}
