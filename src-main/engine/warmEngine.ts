// One engine started ahead of need (serve mode), so that a run's engine has already loaded when the
// run asks for it. Each engine still serves exactly one run or job: the spare is handed out and a new
// one started, so no state can pass from one run to the next. The new one starts when the engine it
// replaced ends, not at once: a spare's start and warm-up take about a second of CPU, which at once
// would fall on the run just launched (its first epoch, the page drawing it) on a 2-core machine.
import type { EngineProcess, EngineSpawner } from './engineProcess';

/** An engine just started, and a switch for whether it may keep this process alive. */
export interface StartedEngine {
  engine: EngineProcess;
  /** false while idle: a spare nobody asked for must not keep the server from exiting. */
  hold(keepAlive: boolean): void;
}

export interface WarmSpawner extends EngineSpawner {
  /** Resolves once the spare has said `ready` (or ended), waiting for it to start when an engine
   *  handed out has yet to end: for benchmarks and tests. */
  whenWarm(): Promise<void>;
  /** Ends the spare and stops starting new ones. */
  close(): void;
}

interface Spare {
  started: StartedEngine;
  /** The entry it was started from: a spare from an entry no longer chosen is thrown away. */
  entry: string;
  ended: boolean;
  early: unknown[] | null;
  listeners: Array<(message: unknown) => void>;
  warm: Promise<void>;
}

/** Starts an engine from `entry`; `spare`: started ahead of need, so it may warm up before its `ready`. */
export type EngineStarter = (entry: string, spare: boolean) => StartedEngine;

function prepare(entry: string, start: EngineStarter): Spare {
  const started = start(entry, true);
  started.hold(false);
  let warmed: () => void = () => undefined;
  const spare: Spare = {
    started,
    entry,
    ended: false,
    early: [],
    listeners: [],
    warm: new Promise((resolve) => (warmed = resolve)),
  };
  // Messages sent before anyone listens (the `ready`) are kept and replayed to the first listener.
  started.engine.onMessage((message) => {
    if ((message as { type?: unknown }).type === 'ready') warmed();
    if (spare.early) spare.early.push(message);
    else for (const listener of spare.listeners) listener(message);
  });
  started.engine.onExit(() => {
    spare.ended = true;
    warmed();
  });
  return spare;
}

function handOut(spare: Spare): EngineProcess {
  const { engine } = spare.started;
  spare.started.hold(true);
  let replayScheduled = false;
  return {
    pid: engine.pid,
    send: (message) => engine.send(message),
    onExit: (listener) => engine.onExit(listener),
    kill: () => engine.kill(),
    onMessage(listener) {
      spare.listeners.push(listener);
      if (replayScheduled) return;
      replayScheduled = true;
      // Later, as a fresh engine's first message would come: the caller finishes its set-up first.
      setImmediate(() => {
        const early = spare.early ?? [];
        spare.early = null;
        for (const message of early) for (const l of spare.listeners) l(message);
      });
    },
  };
}

/** Spawns through `start(pick())`, handing out a pre-started engine whenever one from the entry
 *  `pick()` chooses now is ready and alive. The next spare starts once an engine handed out ends. */
export function warmSpawner(pick: () => string, start: EngineStarter): WarmSpawner {
  let closed = false;
  let spare: Spare | null = prepare(pick(), start);
  /** Engines handed out (warm or cold) and still alive: the next spare waits for one of them to end. */
  let outstanding = 0;
  /** whenWarm() callers that asked while no spare was starting. */
  let waiting: Array<() => void> = [];
  const restock = (): void => {
    if (closed || spare) return;
    spare = prepare(pick(), start);
    const woken = waiting;
    waiting = [];
    for (const wake of woken) void spare.warm.then(wake);
  };
  const spawn = (): EngineProcess => {
    const entry = pick();
    // Still loading is fine (it is further along than a new one); ended or from another entry is not.
    const usable = spare && spare.entry === entry && !spare.ended ? spare : null;
    if (spare && !usable) spare.started.engine.kill();
    spare = null;
    const ended = (): void => {
      outstanding--;
      restock();
    };
    // Without a spare to hand out, the run's own engine starts cold: a warm-up would only delay it.
    const engine = usable ? handOut(usable) : start(entry, false).engine;
    outstanding++;
    engine.onExit(ended);
    return engine;
  };
  return Object.assign(spawn, {
    whenWarm: () => {
      if (spare) return spare.warm;
      if (closed || outstanding === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    close() {
      closed = true;
      spare?.started.engine.kill();
      spare = null;
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
    },
  });
}
