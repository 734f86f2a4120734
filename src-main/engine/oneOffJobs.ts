// One-off engine jobs (evaluations, gradient checks) each start an engine process of their own.
// Two clicks must not start two engines beside the training runs: jobs run one at a time, in the
// order asked, and a request identical to one still queued or running shares its answer.

export class OneOffJobs {
  private tail: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, Promise<unknown>>();
  private queued = 0;

  /** Jobs waiting or running (identical requests count once). */
  get size(): number {
    return this.queued;
  }

  /**
   * Runs `job` once every earlier job has settled. `key` names the request completely (kind and
   * inputs): the same key while the first is unsettled returns the first's promise.
   */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) return existing as Promise<T>;
    this.queued++;
    const result = this.tail.then(job);
    // A failed job must not stop the ones queued after it.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    const shared = result.finally(() => {
      this.queued--;
      this.pending.delete(key);
    });
    this.pending.set(key, shared);
    return shared;
  }
}
