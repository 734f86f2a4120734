// Helper threads for the fast CPU kernels in Node hosts (CLI, worker threads, the Electron
// utility process): worker_threads sharing the kernels' WebAssembly memory, driven by the chunk
// protocol (kernels/wasm/helperPool.ts; the browser host's Web Workers use the same one).
// Workers are unref'd: they never keep the process alive.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { KernelProgram } from '../../kernels/wasm/parallel';
import { MAX_HELPER_THREADS, helperSource, type HelperData } from '../../kernels/wasm/chunkTasks';
import { HelperPool, type HelperThread } from '../../kernels/wasm/helperPool';

// Plain JavaScript run with `eval: true`, so it needs no TypeScript loader in tsx, vitest or Electron.
const WORKER_SOURCE = `${helperSource}\nhelperLoop(require('node:worker_threads').workerData);\n`;

export class ThreadPool extends HelperPool {
  constructor(program: KernelProgram, threads: number) {
    super(program, threads, true);
  }

  protected startHelpers(workerData: HelperData, count: number): HelperThread[] {
    return Array.from({ length: count }, () => {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData });
      w.unref();
      return { terminate: () => void w.terminate() };
    });
  }
}

/** Threads to use: LAYERLAB_THREADS if set, else one per core (at most 8). */
export function defaultThreadCount(): number {
  const fromEnv = Number(process.env.LAYERLAB_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return Math.min(fromEnv, MAX_HELPER_THREADS);
  return Math.max(1, Math.min(8, availableParallelism()));
}
