// Helper threads for the fast CPU kernels in a browser page: Web Workers sharing the kernels'
// WebAssembly memory (the page must be cross-origin isolated to share it), driven by the same
// chunk protocol as the Node thread pool (kernels/wasm/helperPool.ts). The workers' code is the
// protocol's plain JavaScript in a blob: URL, so no bundler entry or extra file is needed.
import type { KernelProgram } from '../../kernels/wasm/parallel';
import { helperSource, type HelperData } from '../../kernels/wasm/chunkTasks';
import { HelperPool, type HelperThread } from '../../kernels/wasm/helperPool';

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

export class WorkerPool extends HelperPool {
  constructor(program: KernelProgram, threads: number) {
    super(program, threads, canBlock());
  }

  protected startHelpers(data: HelperData, count: number): HelperThread[] {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    try {
      return Array.from({ length: count }, (_, i) => {
        const w = new Worker(url, { name: `layerlab kernels ${i + 1}` });
        w.postMessage(data);
        return w;
      });
    } finally {
      // Workers already fetched their script by the time they run; the URL is not needed after.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  }
}
