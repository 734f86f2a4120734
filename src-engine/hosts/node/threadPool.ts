// Helper threads for the fast CPU kernels in Node hosts (CLI, worker threads, the Electron
// utility process): worker_threads sharing the kernels' WebAssembly memory, driven by the chunk
// protocol in kernels/wasm/chunkTasks.ts (the browser host's Web Workers use the same one).
// Workers are unref'd: they never keep the process alive.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { KernelProgram, ParallelRunner } from '../../kernels/wasm/parallel';
import { ChunkTasks, MAX_HELPER_THREADS, helperSource } from '../../kernels/wasm/chunkTasks';

// Plain JavaScript run with `eval: true`, so it needs no TypeScript loader in tsx, vitest or Electron.
const WORKER_SOURCE = `${helperSource}\nhelperLoop(require('node:worker_threads').workerData);\n`;

export class ThreadPool implements ParallelRunner {
  readonly threads: number;
  private readonly workers: Worker[];
  private readonly tasks = new ChunkTasks(true);
  /** Tests: the calling thread claims no chunks, so helpers compute every split call. */
  helpersOnly = false;

  constructor(program: KernelProgram, threads: number) {
    this.threads = Math.max(1, Math.min(MAX_HELPER_THREADS, Math.floor(threads)));
    const workerData = this.tasks.helperData(program);
    this.workers = Array.from({ length: this.threads - 1 }, () => {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData });
      w.unref();
      return w;
    });
  }

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
    for (const w of this.workers) void w.terminate();
  }
}

/** Threads to use: LAYERLAB_THREADS if set, else one per core (at most 8). */
export function defaultThreadCount(): number {
  const fromEnv = Number(process.env.LAYERLAB_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return Math.min(fromEnv, MAX_HELPER_THREADS);
  return Math.max(1, Math.min(8, availableParallelism()));
}
