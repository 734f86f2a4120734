// The engine host: a queue of runs with a concurrency limit, one engine process per active run,
// and each run's lifecycle (queued → running ⇄ paused → completed | stopped | diverged | failed).
// An engine that dies ends its run as failed with the reason; the host keeps working.
import { availableParallelism } from 'node:os';
import { ENGINE_PROTOCOL, engineToHostSchema, type EngineToHost, type TensorSnapshot } from '../../src-shared/engineProtocol';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { InsightRequest, RunPace, RunStatus, RunUpdate, StepUnit } from '../../src-shared/api';
import type { Store } from '../store/store';
import { describeExit, type EngineProcess, type EngineSpawner } from './engineProcess';
import type { UpdateStream } from './updateStream';
import { NO_HOST_REASON, type DeviceHosts } from './deviceHosts';
import { UserError } from '../services/userError';

export interface RunManagerOptions {
  store: Store;
  spawn: EngineSpawner;
  updates: UpdateStream;
  /** Pages or windows that train `webgpu` runs; without one, such runs train on the CPU with a notice. */
  devices?: DeviceHosts;
  concurrency?: number;
  /** How long a stop may take before the engine is killed. */
  stopTimeoutMs?: number;
}

interface ActiveRun {
  id: string;
  engine: EngineProcess;
  paused: boolean;
  /** Set once the run's final status is written; later messages and the exit are ignored. */
  ended: boolean;
  done?: Extract<EngineToHost, { type: 'event' }>['event'] & { event: 'done' };
  failure?: string;
  /** Why the run trains on the CPU although it asked for WebGPU, when the host decided it. */
  fallbackNotice?: string;
  /** Opened on a device host, and whether its engine has said which backend it uses. */
  onDevice: boolean;
  backendReported: boolean;
  stopTimer?: ReturnType<typeof setTimeout>;
  /** Why the host stopped the run (e.g. successive halving), recorded with its status. */
  stopReason?: string;
  /** Steps asked for before the engine had its train request, sent right after it. */
  earlySteps?: StepUnit[];
}

interface QueuedRun {
  id: string;
  graph: GraphDoc;
  insights?: InsightRequest;
  /** Another run's weights to start from (pretrained initialization). */
  initialTensors?: TensorSnapshot[];
  /** Start paused (to step it) or slowed; a pause or speed change while queued lands here too. */
  pace: RunPace;
}

export const MAX_CONCURRENCY = 8;

export const NEVER_STARTED_ON_DEVICE = 'The run ended before its GPU engine started: nothing was trained on WebGPU.';

export class RunManager {
  private readonly queue: QueuedRun[] = [];
  private readonly active = new Map<string, ActiveRun>();
  private concurrency: number;
  private idleWaiters: Array<() => void> = [];
  private readonly eventWatchers = new Set<(runId: string, event: EngineEvent) => void>();
  private closed = false;

  constructor(private readonly o: RunManagerOptions) {
    this.concurrency = clampConcurrency(o.concurrency ?? 1);
  }

  get limit(): number {
    return this.concurrency;
  }

  setConcurrency(n: number): void {
    this.concurrency = clampConcurrency(n);
    this.pump();
  }

  /** Queues a run whose row the caller has just inserted (status queued). */
  enqueue(id: string, graph: GraphDoc, insights?: InsightRequest, pace: RunPace = {}, initialTensors?: TensorSnapshot[]): void {
    if (this.closed) throw new UserError('LayerLab is shutting down; the run was not started');
    this.queue.push({ id, graph, insights, pace: { ...pace }, ...(initialTensors ? { initialTensors } : {}) });
    this.pump();
  }

  isActive(id: string): boolean {
    return this.active.has(id) || this.queue.some((q) => q.id === id);
  }

  activeIds(): string[] {
    return [...this.active.keys()];
  }

  pause(id: string): void {
    const run = this.requireRunning(id, 'pause');
    if (run.paused) return;
    run.paused = true;
    run.engine.send({ type: 'pause' });
    this.o.updates.status(id, 'paused');
  }

  resume(id: string): void {
    const run = this.requireRunning(id, 'resume');
    if (!run.paused) return;
    run.paused = false;
    run.engine.send({ type: 'resume' });
    this.o.updates.status(id, 'running');
  }

  /** One batch, or the rest of the epoch, of a paused run; a running run is paused first. */
  step(id: string, unit: StepUnit): void {
    const run = this.requireRunning(id, 'step');
    if (!run.paused) this.pause(id);
    if (run.earlySteps) run.earlySteps.push(unit);
    else run.engine.send({ type: 'step', unit });
  }

  /** The delay between the run's steps from now on. */
  setSpeed(id: string, delayMs: number): void {
    const queued = this.queue.find((q) => q.id === id);
    if (queued) {
      queued.pace.delayMs = delayMs;
      return;
    }
    this.requireRunning(id, 'change the speed of').engine.send({ type: 'speed', delayMs });
  }

  /** Stops a queued or active run; `reason` (for stops the user did not ask for) is recorded with it. */
  stop(id: string, reason?: string): void {
    const queued = this.queue.findIndex((q) => q.id === id);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.o.updates.status(id, 'stopped', { finishedAt: now(), ...(reason ? { error: reason } : {}) });
      this.notifyIfIdle();
      return;
    }
    // Stop pressed as a fast run ends: it has already stopped, which is what was asked.
    const status = this.active.has(id) ? undefined : this.o.store.runs.status(id);
    if (status && status !== 'queued' && status !== 'running' && status !== 'paused') return;
    const run = this.requireRunning(id, 'stop');
    run.stopReason ??= reason;
    run.engine.send({ type: 'stop' });
    // An engine stuck in a long step still ends: it is killed and the run recorded as stopped.
    run.stopTimer ??= setTimeout(() => {
      this.end(run, 'stopped', 'the engine did not stop in time and was ended');
      run.engine.kill();
    }, this.o.stopTimeoutMs ?? 10_000);
  }

  /** Engine events as they arrive, before the store's batching: for decisions that must be quick (successive halving). */
  watchEvents(listener: (runId: string, event: EngineEvent) => void): () => void {
    this.eventWatchers.add(listener);
    return () => this.eventWatchers.delete(listener);
  }

  /** Resolves when no run is queued or active. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Ends every engine; active and queued runs are recorded as interrupted. */
  shutdown(reason: string): void {
    this.closed = true;
    for (const q of this.queue.splice(0)) this.o.updates.status(q.id, 'interrupted', { finishedAt: now(), error: reason });
    for (const run of [...this.active.values()]) {
      this.end(run, 'interrupted', reason);
      run.engine.kill();
    }
    this.o.updates.flush();
  }

  private requireRunning(id: string, verb: string): ActiveRun {
    const run = this.active.get(id);
    if (run) return run;
    if (this.queue.some((q) => q.id === id))
      throw new UserError(`cannot ${verb} run ${id}: it is queued and has not started yet`);
    const status = this.o.store.runs.status(id);
    if (!status) throw new UserError(`there is no run ${id}`);
    throw new UserError(`cannot ${verb} run ${id}: it is ${status}`);
  }

  private pump(): void {
    while (!this.closed && this.active.size < this.concurrency && this.queue.length > 0) {
      this.launch(this.queue.shift()!);
    }
    this.notifyIfIdle();
  }

  private launch({ id, graph, insights, pace, initialTensors }: QueuedRun): void {
    let engine: EngineProcess;
    let fallbackNotice: string | undefined;
    try {
      const onDevice = graph.training.backend === 'webgpu' ? this.openOnDevice(id, graph) : null;
      if (onDevice && 'notice' in onDevice) fallbackNotice = onDevice.notice;
      engine = onDevice && 'engine' in onDevice ? onDevice.engine : this.o.spawn();
    } catch (e) {
      this.o.updates.status(id, 'failed', { finishedAt: now(), error: `the engine could not start: ${(e as Error).message}` });
      return;
    }
    const onDevice = graph.training.backend === 'webgpu' && !fallbackNotice;
    const paused = pace.paused === true;
    const run: ActiveRun = {
      id,
      engine,
      paused,
      ended: false,
      fallbackNotice,
      onDevice,
      backendReported: false,
      earlySteps: [],
    };
    this.active.set(id, run);
    this.o.updates.status(id, 'running', { startedAt: now() });
    if (paused) this.o.updates.status(id, 'paused');
    if (fallbackNotice) this.recordBackend(run, { backend: 'cpu' });
    engine.onMessage((raw) => {
      try {
        this.receive(run, graph, insights, pace, raw, initialTensors);
      } catch (e) {
        this.end(run, 'failed', `the run could not be recorded: ${(e as Error).message}`);
        run.engine.kill();
      }
    });
    engine.onExit((exit) => {
      // During shutdown every run ends interrupted, whichever goes first (its engine or the manager).
      if (!run.ended && this.closed) this.end(run, 'interrupted', exit.reason ?? 'LayerLab closed during this run');
      else if (!run.ended)
        this.end(
          run,
          'failed',
          `${exit.reason ?? `the engine process ended unexpectedly (${describeExit(exit)})`}; the epochs recorded before are kept`,
        );
    });
  }

  /** A device host's engine for a WebGPU run, or the notice saying why it trains on the CPU. */
  private openOnDevice(id: string, graph: GraphDoc): { engine: EngineProcess } | { notice: string } {
    const engine = this.o.devices?.openDeviceEngine(id, graph);
    if (engine) return { engine };
    const probe = this.o.devices?.webGpu();
    const reason = probe && !probe.available ? probe.reason : NO_HOST_REASON;
    return { notice: `WebGPU is not available: ${reason.replace(/\.$/, '')}. Trained on the CPU instead.` };
  }

  /** Stores the backend a run trains on and tells the UI; a host's fallback notice is kept. */
  private recordBackend(run: ActiveRun, b: { backend: string; adapter?: string; notice?: string }): void {
    run.backendReported = true;
    const notice = b.notice ?? run.fallbackNotice;
    const update: RunUpdate = {
      runId: run.id,
      kind: 'backend',
      backend: b.backend,
      ...(b.adapter ? { adapter: b.adapter } : {}),
      ...(notice ? { notice } : {}),
    };
    this.o.updates.flush(() => this.o.store.runs.setBackend(run.id, b.backend, b.adapter, notice), update);
  }

  /** Cores shared among the runs allowed at once, so parallel runs do not oversubscribe the machine. */
  private threadsPerRun(): number {
    return Math.max(1, Math.floor(availableParallelism() / this.concurrency));
  }

  private receive(
    run: ActiveRun,
    graph: GraphDoc,
    insights: InsightRequest | undefined,
    pace: RunPace,
    raw: unknown,
    initialTensors?: TensorSnapshot[],
  ): void {
    if (run.ended) return;
    const parsed = engineToHostSchema.safeParse(raw);
    if (!parsed.success)
      throw new Error(`the engine sent a malformed message (${parsed.error.issues[0]?.message ?? 'unknown problem'})`);
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        run.engine.send({
          type: 'train',
          protocol: ENGINE_PROTOCOL,
          runId: run.id,
          graph,
          threads: this.threadsPerRun(),
          ...(insights ? { insights } : {}),
          ...(initialTensors ? { initialTensors } : {}),
          // Paused or resumed before the engine was ready: the request carries the state now.
          pace: { ...pace, paused: run.paused },
        });
        for (const unit of run.earlySteps ?? []) run.engine.send({ type: 'step', unit });
        run.earlySteps = undefined;
        return;
      case 'dataset':
        this.o.store.runs.setDatasetHash(run.id, message.hash);
        return;
      case 'backend':
        this.recordBackend(run, message);
        return;
      case 'event':
        this.o.updates.event(run.id, message.event);
        if (message.event.event === 'done') run.done = message.event;
        for (const watch of this.eventWatchers) watch(run.id, message.event);
        return;
      case 'checkpoint':
        this.o.store.checkpoints.save(run.id, { kind: message.kind, epoch: message.epoch, tensors: message.tensors });
        return;
      case 'preview':
        return;
      case 'failed':
        run.failure = message.message;
        return;
      case 'finished': {
        const done = run.done;
        if (done)
          this.end(
            run,
            done.status,
            done.status === 'diverged'
              ? (done.message ?? 'the loss stopped being a number')
              : done.status === 'stopped'
                ? (run.stopReason ?? null)
                : null,
          );
        else this.end(run, 'failed', run.failure ?? 'the engine finished without reporting a result');
        run.engine.kill();
        return;
      }
    }
  }

  private end(run: ActiveRun, status: RunStatus, error: string | null): void {
    if (run.ended) return;
    run.ended = true;
    if (run.stopTimer) clearTimeout(run.stopTimer);
    this.active.delete(run.id);
    // The row says webgpu (asked for); say that nothing trained there rather than let it imply otherwise.
    if (run.onDevice && !run.backendReported) {
      try {
        this.recordBackend(run, { backend: 'webgpu', notice: NEVER_STARTED_ON_DEVICE });
      } catch (e) {
        console.error(`could not record the backend of run ${run.id}:`, e);
      }
    }
    try {
      this.o.updates.status(run.id, status, { finishedAt: now(), error });
    } catch (e) {
      // The run still ends and frees its slot; start-up recovery will mark it interrupted.
      console.error(`could not record the end of run ${run.id}:`, e);
    }
    this.pump();
  }

  private notifyIfIdle(): void {
    if (this.queue.length > 0 || this.active.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

function clampConcurrency(n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`the number of runs at once must be a whole number from 1 to ${MAX_CONCURRENCY}`);
  return Math.min(n, MAX_CONCURRENCY);
}

const now = (): string => new Date().toISOString();
