// The chunk protocol between a calling thread and helper threads that share the kernels' memory,
// written once for every host (Node worker_threads, browser Web Workers). A task is published in a
// shared control block; the caller and the helpers claim its chunks with compare-and-swap, and the
// caller returns once every chunk is done, so a parallel kernel call is synchronous. The host only
// starts the helpers (with `helperSource`) and hands them `helperData`.
import { MAX_CHUNKS, type KernelProgram } from './parallel';

// Control block (Int32Array) slots.
const GEN = 0; // task generation (23 bits), bumped per task; helpers sleep on it
const FN = 1;
const ARGC = 2;
const CLAIM = 3; // (generation << 8) | chunks not yet claimed
const COMPLETED = 4;
const STOP = 5;
const FAILED = 6;
const READY = 7;
const HELPED = 8; // chunks run by helpers, for tests and benchmarks
const BOUNDS = 16;
export const MAX_HELPER_THREADS = 16;
const MAX_ARGS = 32;
/**
 * Microseconds a thread keeps polling before it sleeps: the kernel calls of a training step come
 * tens of microseconds apart, and waking a sleeping thread costs about as much.
 */
const SPIN_US = 200;
/** Milliseconds without progress after which a helper counts as lost. */
const STALL_MS = 60_000;

/** What a helper receives: the kernels, their memory, and the task block. */
export interface HelperData {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  names: string[];
  control: SharedArrayBuffer;
  args: SharedArrayBuffer;
  spinMs: number;
}

/** Claims a chunk of task `gen`: its index, or -1 when the task has none left (or is over). The helpers' copy is in helperSource. */
function claim(ctl: Int32Array, gen: number): number {
  for (;;) {
    const word = Atomics.load(ctl, CLAIM);
    if (word >>> 8 !== gen || (word & 0xff) === 0) return -1;
    if (Atomics.compareExchange(ctl, CLAIM, word, word - 1) === word) return (word & 0xff) - 1;
  }
}

/**
 * Plain JavaScript defining `helperLoop(data: HelperData)`, a helper thread's whole life (it needs
 * no loader in tsx, vitest, Electron or a page). The host appends the line that calls it.
 */
export const helperSource = `
function helperLoop(data) {
  const { module, memory, names, control, args, spinMs } = data;
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const fns = names.map((n) => instance.exports[n]);
  const ctl = new Int32Array(control);
  const argv = new Float64Array(args);
  function claim(ctl, gen) {
    for (;;) {
      const word = Atomics.load(ctl, ${CLAIM});
      if (word >>> 8 !== gen || (word & 0xff) === 0) return -1;
      if (Atomics.compareExchange(ctl, ${CLAIM}, word, word - 1) === word) return (word & 0xff) - 1;
    }
  }
  let seen = Atomics.load(ctl, ${GEN});
  Atomics.add(ctl, ${READY}, 1);
  for (;;) {
    const spinUntil = performance.now() + spinMs;
    let spins = 0;
    while (Atomics.load(ctl, ${GEN}) === seen) {
      if ((++spins & 255) === 0 && performance.now() > spinUntil) Atomics.wait(ctl, ${GEN}, seen);
    }
    seen = Atomics.load(ctl, ${GEN});
    if (Atomics.load(ctl, ${STOP}) === 1) break;
    for (let c = claim(ctl, seen); c >= 0; c = claim(ctl, seen)) {
      const argc = ctl[${ARGC}];
      const call = new Array(argc + 2);
      for (let i = 0; i < argc; i++) call[i] = argv[i];
      call[argc] = ctl[${BOUNDS} + c];
      call[argc + 1] = ctl[${BOUNDS} + c + 1];
      try { fns[ctl[${FN}]].apply(null, call); } catch (e) { Atomics.store(ctl, ${FAILED}, 1); }
      Atomics.add(ctl, ${HELPED}, 1);
      Atomics.add(ctl, ${COMPLETED}, 1);
      Atomics.notify(ctl, ${COMPLETED});
    }
  }
}
`;

/** The calling thread's side: publishes tasks, takes part in them, waits for the helpers. */
export class ChunkTasks {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(4 * (BOUNDS + MAX_CHUNKS + 1)));
  private readonly argv = new Float64Array(new SharedArrayBuffer(8 * MAX_ARGS));
  private gen = 0;
  closed = false;

  /**
   * `canBlock` false: the calling thread may not sleep in Atomics.wait (a browser page's main
   * thread), so it polls while helpers finish their last chunks.
   */
  constructor(private readonly canBlock: boolean) {}

  /** What each helper is started with. */
  helperData(program: KernelProgram): HelperData {
    const { module, memory, names } = program;
    return {
      module,
      memory,
      names,
      control: this.ctl.buffer as SharedArrayBuffer,
      args: this.argv.buffer as SharedArrayBuffer,
      spinMs: SPIN_US / 1000,
    };
  }

  /** Chunks computed by helper threads so far. */
  get helperChunks(): number {
    return Atomics.load(this.ctl, HELPED);
  }

  /** Helpers that have started. */
  get readyHelpers(): number {
    return Atomics.load(this.ctl, READY);
  }

  /** ParallelRunner.run; `helpersOnly` (tests): the caller claims nothing, so helpers compute every chunk. */
  run(
    fn: number,
    args: ArrayLike<number>,
    bounds: ArrayLike<number>,
    local: (start: number, end: number) => void,
    helpersOnly = false,
  ): void {
    const chunks = bounds.length - 1;
    if (this.closed || this.readyHelpers === 0 || chunks < 2) {
      for (let c = 0; c < chunks; c++) local(bounds[c], bounds[c + 1]);
      return;
    }
    if (args.length > MAX_ARGS)
      throw new Error(`a kernel call has ${args.length} arguments; the helper threads take at most ${MAX_ARGS}`);
    const ctl = this.ctl;
    for (let i = 0; i < args.length; i++) this.argv[i] = args[i];
    for (let c = 0; c <= chunks; c++) ctl[BOUNDS + c] = bounds[c];
    ctl[FN] = fn;
    ctl[ARGC] = args.length;
    Atomics.store(ctl, COMPLETED, 0);
    Atomics.store(ctl, FAILED, 0);
    const gen = (this.gen = (this.gen + 1) & 0x7fffff);
    Atomics.store(ctl, CLAIM, (gen << 8) | chunks);
    Atomics.store(ctl, GEN, gen);
    Atomics.notify(ctl, GEN);
    let done = 0;
    let failure: unknown = null;
    for (let c = helpersOnly ? -1 : claim(ctl, gen); c >= 0; c = claim(ctl, gen)) {
      // After a failure the remaining chunks are claimed but skipped, so the task still ends
      // cleanly before the error surfaces (a helper must not finish into the next task).
      if (failure === null) {
        try {
          local(bounds[c], bounds[c + 1]);
        } catch (e) {
          failure = e;
        }
      }
      done = Atomics.add(ctl, COMPLETED, 1) + 1;
    }
    if (done !== chunks) this.waitForHelpers(chunks);
    if (failure !== null) throw failure;
    if (Atomics.load(ctl, FAILED) !== 0) throw new Error('a WebAssembly kernel failed on a helper thread (out-of-bounds access)');
  }

  /** Waits for chunks that helpers are still computing (at most one each). */
  private waitForHelpers(chunks: number): void {
    const ctl = this.ctl;
    const started = performance.now();
    const spinUntil = started + SPIN_US / 1000;
    let spins = 0;
    let waitedMs = 0;
    for (;;) {
      const done = Atomics.load(ctl, COMPLETED);
      if (done === chunks) return;
      if ((++spins & 255) !== 0) continue;
      const now = performance.now();
      if (now < spinUntil) continue;
      const lost = this.canBlock
        ? Atomics.wait(ctl, COMPLETED, done, 100) === 'timed-out' && (waitedMs += 100) > STALL_MS
        : now - started > STALL_MS;
      if (lost) {
        this.closed = true;
        throw new Error(`a kernel helper thread stopped responding for ${STALL_MS / 1000} s`);
      }
    }
  }

  /** Tells the helpers to end (they leave their loop at the next task generation). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.ctl, STOP, 1);
    Atomics.add(this.ctl, GEN, 1);
    Atomics.notify(this.ctl, GEN);
  }
}
