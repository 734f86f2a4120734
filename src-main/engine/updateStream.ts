// The one way run data leaves the engine host: events are buffered, written to SQLite in one
// transaction, and only then forwarded to the UI as one batch. Batches go out at most every
// `intervalMs` (LIVE_UPDATE_INTERVAL_MS, 50 ms: up to 20 updates a second, so live views keep above 10 Hz even when a
// batch is late). A run's first epoch and first insight (its first boundary) go out at once, so
// a click on Train shows its first result without waiting for the interval. The chart never shows
// a point the database lacks, and the database holds every point the chart was sent.
import type { RunStatus, RunUpdate } from '../../src-shared/api';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { Store } from '../store/store';
import { ACTIVE_STATUSES, type StatusChange } from '../store/runsRepo';
import { latestInsightsOnly } from './latestInsights';
import { LIVE_UPDATE_INTERVAL_MS } from '../../src-shared/insightCadence';

export type UpdateListener = (updates: RunUpdate[]) => void;

export class UpdateStream {
  private pending: RunUpdate[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<UpdateListener>();
  /** `${runId} ${kind}` for each run's first epoch and first insight already sent, until the run ends. */
  private readonly firstsSent = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly intervalMs = LIVE_UPDATE_INTERVAL_MS,
    /** A write that fails (disk full, database closed) is reported here; its batch is not forwarded. */
    private readonly onError: (e: unknown) => void = (e) => console.error('could not record run metrics:', e),
  ) {}

  subscribe(listener: UpdateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  event(runId: string, event: EngineEvent): void {
    this.pending.push({ runId, kind: 'engine', event });
    if (this.isFirst(runId, event)) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => {
      try {
        this.flush();
      } catch (e) {
        this.onError(e);
      }
    }, this.intervalMs);
  }

  /** Whether `event` is its run's first epoch or first insight: the first result a person waits for. */
  private isFirst(runId: string, event: EngineEvent): boolean {
    if (event.event !== 'epoch' && event.event !== 'insight') return false;
    const key = `${runId} ${event.event}`;
    if (this.firstsSent.has(key)) return false;
    this.firstsSent.add(key);
    return true;
  }

  /** Status changes are rare and answer a request: they flush and go out at once. */
  status(runId: string, status: RunStatus, change: StatusChange = {}): void {
    if (!ACTIVE_STATUSES.includes(status)) {
      this.firstsSent.delete(`${runId} epoch`);
      this.firstsSent.delete(`${runId} insight`);
    }
    const update: RunUpdate = change.error
      ? { runId, kind: 'status', status, error: change.error }
      : { runId, kind: 'status', status };
    this.flush(() => this.store.runs.setStatus(runId, status, change), update);
  }

  /** Writes what is buffered (plus `extra`'s write), then tells the listeners. */
  flush(extra?: () => void, extraUpdate?: RunUpdate): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 && !extra) return;
    this.store.transaction(() => {
      for (const update of batch) {
        if (update.kind !== 'engine') continue;
        if (update.event.event === 'insight') this.store.insights.record(update.runId, update.event);
        else this.store.metrics.record(update.runId, update.event);
      }
      extra?.();
    });
    if (extraUpdate) batch.push(extraUpdate);
    const forwarded = latestInsightsOnly(batch);
    for (const listener of this.listeners) {
      try {
        listener(forwarded);
      } catch {
        // A broken listener (a closed window, a dropped socket) must not stop the others.
      }
    }
  }

  close(): void {
    this.flush();
  }
}
