// The CPU backend of a page (or a browser worker): the fast WebAssembly kernels with helper Web
// Workers where the page is cross-origin isolated and has WebAssembly SIMD, else the plain
// JavaScript kernels, with the reason in words. Results of the fast kernels do not depend on the
// number of threads (each output element is computed by one thread in a fixed order).
import type { Backend } from '../../core/backend';
import { CpuBackend, registerCpuKernels } from '../../kernels/cpu';
import { createFastCpuBackend, kernelProgram, setParallelRunner } from '../../kernels/wasm';
import { WorkerPool } from './kernelWorkers';

export interface PageCpu {
  backend: Backend;
  /** 'cpu-fast' (WebAssembly SIMD in shared memory) or 'cpu' (plain JavaScript). */
  name: string;
  /** Threads the kernels use, this one included. */
  threads: number;
  /** Why the fast kernels are not in use, when they are not. */
  fallbackReason?: string;
}

let page: PageCpu | null = null;
let pool: WorkerPool | null = null;

function fallbackReason(): string {
  if (typeof WebAssembly === 'undefined') return 'this browser has no WebAssembly';
  if (!(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated)
    return 'the page is not cross-origin isolated, so it has no shared memory';
  return 'this browser lacks WebAssembly SIMD or shared WebAssembly memory';
}

/** Threads for the page's kernels: one per core, at most 4 (the training engine needs cores too). */
export function defaultPageThreads(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(4, cores));
}

/** The page's CPU backend, created once. */
export function pageCpu(threads = defaultPageThreads()): PageCpu {
  if (!page) {
    const fast = createFastCpuBackend();
    if (fast) {
      page = { backend: fast, name: fast.name, threads: 1 };
      setPageCpuThreads(threads);
    } else {
      registerCpuKernels();
      const plain = new CpuBackend('float32');
      page = { backend: plain, name: plain.name, threads: 1, fallbackReason: fallbackReason() };
    }
  }
  return page;
}

/** Uses `threads` threads for the fast kernels from now on (no effect on the plain ones). */
export function setPageCpuThreads(threads: number): void {
  const program = kernelProgram();
  if (!program || !page || page.fallbackReason) return;
  // Without Web Workers (a worker of a browser that lacks nested workers, or tests in Node) the
  // kernels run on this thread alone.
  const next = threads > 1 && typeof Worker !== 'undefined' ? new WorkerPool(program, threads) : null;
  setParallelRunner(next);
  pool?.close();
  pool = next;
  page.threads = next?.threads ?? 1;
}

/** Resolves once every helper worker has started (they boot while the event loop runs). */
export async function pageCpuReady(timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (pool && pool.readyHelpers < pool.threads - 1) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`the kernel helper workers did not start within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The helper workers, if any (tests read their counters and set helpersOnly). */
export function pageWorkerPool(): WorkerPool | null {
  return pool;
}
