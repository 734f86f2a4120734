// Work that follows data streaming in (a live run's metrics, a dozen batches a second), done at
// most every `intervalMs`: always for the newest request, at most `intervalMs` late.

export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: (() => void) | null = null;

  constructor(private readonly intervalMs: number) {}

  /** Runs `work` now if the interval has passed (or `now` is set), else once it has: the newest `work` asked for by then. */
  request(work: () => void, now = false): void {
    this.pending = work;
    const wait = this.last + this.intervalMs - performance.now();
    if (now || wait <= 0) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Forgets what waits (its owner went away). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private flush(): void {
    const work = this.pending;
    this.cancel();
    this.last = performance.now();
    work?.();
  }
}
