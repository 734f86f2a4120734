// Run updates arrive one by one, in batches (one per LIVE_UPDATE_INTERVAL_MS, several back to back
// when the page is busy). Each store applies them in the next animation frame, all stores in one
// callback: the page then renders, and the boundary, unit maps and charts redraw, once per frame at
// most, instead of once per message. A hidden window gets no frames: a timer applies them then.
// Without animation frames at all (Node, in the unit tests), the next microtask does.

/** How late updates are applied at most when no animation frame comes. */
export const HIDDEN_FLUSH_MS = 250;

const due = new Set<() => void>();
let frame = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function runDue(): void {
  if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
  clearTimeout(timer);
  const work = [...due];
  due.clear();
  for (const w of work) w();
}

/** Runs `work` in the next animation frame, together with all other work asked for by then. */
export function inNextFrame(work: () => void): void {
  if (due.size === 0) {
    if (typeof requestAnimationFrame === 'function') {
      frame = requestAnimationFrame(runDue);
      timer = setTimeout(runDue, HIDDEN_FLUSH_MS);
    } else queueMicrotask(runDue);
  }
  due.add(work);
}

/** A sink whose items are handed to `apply` together, in the next frame (inNextFrame). */
export function frameBatcher<T>(apply: (batch: T[]) => void): (item: T) => void {
  let pending: T[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    apply(batch);
  };
  return (item) => {
    if (pending.length === 0) inNextFrame(flush);
    pending.push(item);
  };
}
