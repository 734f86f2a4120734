// Helper threads for the fast CPU kernels in a browser page: Web Workers sharing the kernels'
// WebAssembly memory (the page must be cross-origin isolated to share it), driven by the same
// chunk protocol as the Node thread pool (kernels/wasm/chunkTasks.ts). The workers' code is the
// protocol's plain JavaScript in a blob: URL, so no bundler entry or extra file is needed.
import type { KernelProgram, ParallelRunner } from '../../kernels/wasm/parallel';
import { ChunkTasks, MAX_HELPER_THREADS, helperSource } from '../../kernels/wasm/chunkTasks';

const WORKER_SOURCE = `${helperSource}\nself.onmessage = (e) => { self.onmessage = null; helperLoop(e.data); };\n`;

/** Whether this thread may sleep in Atomics.wait (workers may; a page's main thread may not). */
function canBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

export class WorkerPool implements ParallelRunner {
  readonly threads: number;
  private readonly workers: Worker[];
  private readonly tasks = new ChunkTasks(canBlock());
  /** Tests: the calling thread claims no chunks, so helpers compute every split call. */
  helpersOnly = false;

  constructor(program: KernelProgram, threads: number) {
    this.threads = Math.max(1, Math.min(MAX_HELPER_THREADS, Math.floor(threads)));
    const data = this.tasks.helperData(program);
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    try {
      this.workers = Array.from({ length: this.threads - 1 }, (_, i) => {
        const w = new Worker(url, { name: `layerlab kernels ${i + 1}` });
        w.postMessage(data);
        return w;
      });
    } finally {
      // Workers already fetched their script by the time they run; the URL is not needed after.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  }

  /** Chunks computed by helper workers so far. */
  get helperChunks(): number {
    return this.tasks.helperChunks;
  }

  /** Helpers that have started (they boot while the page's event loop runs). */
  get readyHelpers(): number {
    return this.tasks.readyHelpers;
  }

  run(fn: number, args: ArrayLike<number>, bounds: ArrayLike<number>, local: (start: number, end: number) => void): void {
    this.tasks.run(fn, args, bounds, local, this.helpersOnly);
  }

  close(): void {
    this.tasks.close();
    for (const w of this.workers) w.terminate();
  }
}
