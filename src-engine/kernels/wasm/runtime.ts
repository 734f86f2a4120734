// One instance of the kernel module per JavaScript realm: its shared memory, the tensor pool
// inside it, and the dispatch that splits a kernel call across threads when that pays.
import { kernelModuleBytes, kernelNames, MEMORY_PAGES, relaxedSimdSupported, type KernelModuleOptions } from './module';
import { MemoryPool } from './memoryPool';
import { chunkBounds, type KernelProgram, type ParallelRunner } from './parallel';

type KernelExport = (...args: number[]) => void;

export class WasmRuntime {
  readonly pool: MemoryPool;
  private readonly fns: KernelExport[];
  private readonly index = new Map<string, number>();
  private runner: ParallelRunner | null = null;
  private readonly bounds: number[] = [];
  /** Estimated single-thread time (ns) above which a call is split across threads. */
  parallelThresholdNs = 40_000;

  private constructor(
    readonly program: KernelProgram,
    /** Whether the matrix multiply uses relaxed-SIMD FMA. */
    readonly fma: boolean,
  ) {
    const instance = new WebAssembly.Instance(program.module, { env: { memory: program.memory } });
    this.fns = program.names.map((n) => instance.exports[n] as KernelExport);
    program.names.forEach((n, i) => this.index.set(n, i));
    this.pool = new MemoryPool(program.memory);
  }

  /**
   * Null where WebAssembly SIMD or shared memory is missing (e.g. a page without cross-origin
   * isolation). `options.fma: false` forces the matrix multiply without relaxed SIMD (tests).
   */
  static tryCreate(options: KernelModuleOptions = {}): WasmRuntime | null {
    try {
      if (typeof WebAssembly === 'undefined' || typeof SharedArrayBuffer === 'undefined') return null;
      const fma = options.fma ?? relaxedSimdSupported();
      const bytes = kernelModuleBytes(true, { fma });
      if (!WebAssembly.validate(bytes)) return null;
      const memory = new WebAssembly.Memory({ ...MEMORY_PAGES, shared: true });
      return new WasmRuntime({ module: new WebAssembly.Module(bytes), memory, names: kernelNames({ fma }) }, fma);
    } catch {
      return null;
    }
  }

  get threads(): number {
    return this.runner?.threads ?? 1;
  }

  /** Installs (or with null removes) helper threads; returns the previous runner. */
  setRunner(runner: ParallelRunner | null): ParallelRunner | null {
    const previous = this.runner;
    this.runner = runner && runner.threads > 1 ? runner : null;
    return previous;
  }

  /**
   * Runs kernel `name` with `args` over [0, total), in chunks that are multiples of `grain`,
   * across threads when the estimated work (total · nsPerUnit) is worth the hand-off.
   */
  run(name: string, args: number[], total: number, grain: number, nsPerUnit: number): void {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`no WebAssembly kernel named ${name}`);
    const fn = this.fns[i];
    const runner = this.runner;
    if (!runner || total <= grain || total * nsPerUnit < this.parallelThresholdNs) {
      if (total > 0) fn(...args, 0, total);
      return;
    }
    // Several chunks per thread: a thread that starts late takes only what is left, and the wait
    // for the last chunk is short; but no chunk so small that handing it over costs more.
    const work = total * nsPerUnit;
    const chunks = Math.max(runner.threads, Math.min(runner.threads * CHUNKS_PER_THREAD, Math.floor(work / MIN_CHUNK_NS)));
    const bounds = chunkBounds(total, grain, chunks, this.bounds);
    runner.run(i, args, bounds, (start, end) => fn(...args, start, end));
  }
}

const CHUNKS_PER_THREAD = 16;
const MIN_CHUNK_NS = 15_000;

let shared: WasmRuntime | null | undefined;

/** The realm's runtime, created on first use; null where unsupported. */
export function wasmRuntime(): WasmRuntime | null {
  if (shared === undefined) shared = WasmRuntime.tryCreate();
  return shared;
}
