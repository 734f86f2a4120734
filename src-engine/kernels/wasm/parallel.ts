// Fork-join over threads that a host may inject (the engine core never imports worker_threads).
// A kernel call is cut into chunks of output rows with boundaries fixed by the call alone; the
// calling thread and the helpers claim chunks until none are left. Every output element is thus
// computed by exactly one thread with the same code in the same order, so results are identical
// whatever the thread count, and a helper the OS has not scheduled yet delays nothing.

/** What a host needs to start helper threads: the compiled kernels and their shared memory. */
export interface KernelProgram {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** Export names; a task names its kernel by index into this list. */
  names: string[];
}

export interface ParallelRunner {
  /** Threads taking part, the calling thread included. */
  readonly threads: number;
  /**
   * Runs kernel `fn` as fn(...args, bounds[c], bounds[c + 1]) for every chunk c; `local` runs a
   * chunk on the calling thread. Returns when every chunk is done; throws if a helper failed.
   */
  run(fn: number, args: ArrayLike<number>, bounds: ArrayLike<number>, local: (start: number, end: number) => void): void;
  /** Stops the helper threads. */
  close(): void;
}

/** Most chunks a call is cut into (the thread pool counts them in 8 bits). */
export const MAX_CHUNKS = 128;

/**
 * Splits [0, total) into `chunks` contiguous ranges whose boundaries are multiples of `grain`
 * (the last ends at total): bounds[c]..bounds[c + 1] is chunk c.
 */
export function chunkBounds(total: number, grain: number, chunks: number, out: number[] = []): number[] {
  const units = Math.ceil(total / grain);
  const n = Math.max(1, Math.min(chunks, units, MAX_CHUNKS));
  out.length = n + 1;
  for (let c = 0; c <= n; c++) out[c] = Math.min(Math.floor((c * units) / n) * grain, total);
  return out;
}
