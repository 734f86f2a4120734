// One engine started ahead of need (serve mode), so that a run's engine has already loaded when the
// run asks for it. Each engine still serves exactly one run or job: the spare is handed out and a new
// one started, so no state can pass from one run to the next.
import type { EngineProcess, EngineSpawner } from './engineProcess';

/** An engine just started, and a switch for whether it may keep this process alive. */
export interface StartedEngine {
  engine: EngineProcess;
  /** false while idle: a spare nobody asked for must not keep the server from exiting. */
  hold(keepAlive: boolean): void;
}

export interface WarmSpawner extends EngineSpawner {
  /** Resolves once the spare has said `ready` (or ended): for benchmarks and tests. */
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
 *  `pick()` chooses now is ready and alive, and starting the next spare at once. */
export function warmSpawner(pick: () => string, start: EngineStarter): WarmSpawner {
  let closed = false;
  let spare: Spare | null = prepare(pick(), start);
  const spawn = (): EngineProcess => {
    const entry = pick();
    // Still loading is fine (it is further along than a new one); ended or from another entry is not.
    const usable = spare && spare.entry === entry && !spare.ended ? spare : null;
    if (spare && !usable) spare.started.engine.kill();
    spare = closed ? null : prepare(entry, start);
    // Without a spare to hand out, the run's own engine starts cold: a warm-up would only delay it.
    return usable ? handOut(usable) : start(entry, false).engine;
  };
  return Object.assign(spawn, {
    whenWarm: () => spare?.warm ?? Promise.resolve(),
    close() {
      closed = true;
      spare?.started.engine.kill();
      spare = null;
    },
  });
}
