// What the Node thread pool and the browser's Web Worker pool share: how many threads, the chunk
// protocol (chunkTasks.ts) that hands a split kernel call to the helpers, and closing. Each host
// only says how to start a helper with the protocol's data and how to stop it.
import type { KernelProgram, ParallelRunner } from './parallel';
import { ChunkTasks, MAX_HELPER_THREADS, type HelperData } from './chunkTasks';

/** A started helper thread, as the host knows it. */
export interface HelperThread {
  terminate(): void;
}

export abstract class HelperPool implements ParallelRunner {
  readonly threads: number;
  private readonly tasks: ChunkTasks;
  private readonly helpers: HelperThread[];
  /** Tests: the calling thread claims no chunks, so helpers compute every split call. */
  helpersOnly = false;

  /** `callerMayBlock`: whether the calling thread may sleep in Atomics.wait (a page's main thread may not). */
  constructor(program: KernelProgram, threads: number, callerMayBlock: boolean) {
    this.threads = Math.max(1, Math.min(MAX_HELPER_THREADS, Math.floor(threads)));
    this.tasks = new ChunkTasks(callerMayBlock);
    this.helpers = this.startHelpers(this.tasks.helperData(program), this.threads - 1);
  }

  /** Starts `count` helpers, each running the protocol's helper loop on `data`. */
  protected abstract startHelpers(data: HelperData, count: number): HelperThread[];

  /** Chunks computed by helper threads so far. */
  get helperChunks(): number {
    return this.tasks.helperChunks;
  }

  /** Helpers that have started (they boot while the caller's event loop runs). */
  get readyHelpers(): number {
    return this.tasks.readyHelpers;
  }

  run(fn: number, args: ArrayLike<number>, bounds: ArrayLike<number>, local: (start: number, end: number) => void): void {
    this.tasks.run(fn, args, bounds, local, this.helpersOnly);
  }

  close(): void {
    this.tasks.close();
    for (const h of this.helpers) h.terminate();
  }
}
