// Sets up the CPU backend for Node hosts (CLI, tests, worker threads, utility process): the fast
// WebAssembly backend with helper threads where available, else the plain reference backend.
import { setBackend } from '../../core/backend';
import { setHostParameterMemory } from '../../graph/parameterBudget';
import { machineParameterMemory } from './machineMemory';
import { CpuBackend, registerCpuKernels } from '../../kernels/cpu';
import { createFastCpuBackend, kernelProgram, setParallelRunner } from '../../kernels/wasm';
import { ThreadPool, defaultThreadCount } from './threadPool';

let ready: CpuBackend | null = null;
let pool: ThreadPool | null = null;

export interface CpuBackendOptions {
  /** Threads for the fast kernels (default: LAYERLAB_THREADS, else one per core). */
  threads?: number;
  /** The readable reference kernels only (LAYERLAB_BACKEND=cpu-reference does the same). */
  reference?: boolean;
}

/** The process's CPU backend, created once and made active. */
export function useCpuBackend(options: CpuBackendOptions = {}): CpuBackend {
  if (!ready) {
    // Training may use about half of the machine's memory for the model's parameters and their state.
    setHostParameterMemory(machineParameterMemory());
    const reference = options.reference ?? process.env.LAYERLAB_BACKEND === 'cpu-reference';
    const fast = reference ? null : createFastCpuBackend();
    if (fast) setCpuThreads(options.threads ?? defaultThreadCount());
    registerCpuKernels();
    ready = fast ?? new CpuBackend('float32');
  }
  setBackend(ready);
  return ready;
}

/**
 * Uses `threads` threads (the calling one included) for the fast kernels from now on. Results
 * do not depend on it: each output element is computed by one thread in a fixed order.
 */
export function setCpuThreads(threads: number): void {
  const program = kernelProgram();
  if (!program) return;
  // The same count keeps the started threads (a spare engine started them before its run).
  if (Math.max(1, Math.floor(threads)) === cpuThreads()) return;
  const next = threads > 1 ? new ThreadPool(program, threads) : null;
  setParallelRunner(next);
  pool?.close();
  pool = next;
}

/** Resolves once every helper thread has started (they boot while the event loop runs). */
export async function cpuThreadsReady(timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (pool && pool.readyHelpers < pool.threads - 1) {
    if (Date.now() - started > timeoutMs) throw new Error(`kernel helper threads did not start within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The helper threads, if any (tests and benchmarks read their counters). */
export function cpuThreadPool(): ThreadPool | null {
  return pool;
}

/** Threads the fast kernels use now (1: the calling thread only). */
export function cpuThreads(): number {
  return pool?.threads ?? 1;
}

/** Stops the helper threads (they never keep the process alive; this frees them early). */
export function shutdownCpuThreads(): void {
  setParallelRunner(null);
  pool?.close();
  pool = null;
}

export const cpuFloat64 = (): CpuBackend => {
  registerCpuKernels();
  return new CpuBackend('float64');
};
