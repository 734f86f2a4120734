// One-off engine jobs: two clicks on "Evaluate" or "Check gradients" start one engine, and jobs
// run one at a time beside the training runs, queued in order, a failure not blocking the next.
// Also: the run list carries a regression run's last validation R².
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Store } from '../../src-main/store/store';
import { createInspectService } from '../../src-main/services/inspectService';
import { OneOffJobs } from '../../src-main/engine/oneOffJobs';
import type { EngineSpawner } from '../../src-main/engine/engineProcess';
import type { HostToEngine } from '../../src-shared/engineProtocol';
import type { EvaluationResult, GradCheckReport } from '../../src-shared/api';
import { FakeEngine } from './helpers/fakeEngine';
import { tempDir } from './helpers/temp';
import { epochEvent } from '../helpers/epochEvent';
import { xorGraph } from './helpers/graphs';

const dir = tempDir();
const at = '2025-01-01T00:00:00.000Z';

const report = (samples: number): GradCheckReport => ({
  tolerance: 1e-4,
  samples,
  params: [{ nodeId: 'out', param: 'kernel', maxRelError: 1e-7, maxAbsError: 1e-9, passed: true }],
  layers: [{ nodeId: 'out', maxRelError: 1e-7, passed: true }],
  passed: true,
});
const evaluation: EvaluationResult = {
  task: 'classification',
  count: 4,
  loss: 0.1,
  inputShape: [2],
  accuracy: 1,
  classNames: ['0', '1'],
  confusion: [
    [2, 0],
    [0, 2],
  ],
};

/** Engines that answer only when the test says so, so the test sees what runs at the same time. */
function heldEngines() {
  const engines: FakeEngine[] = [];
  const spawn: EngineSpawner = () => {
    const engine = new FakeEngine();
    engines.push(engine);
    return engine;
  };
  const running = () => engines.filter((e) => !e.killed);
  const request = (e: FakeEngine): HostToEngine | undefined => e.received[0];
  const answer = (e: FakeEngine) => {
    const m = request(e);
    if (m?.type === 'gradcheck') e.emit({ type: 'gradcheck', report: report(m.samples ?? 4) });
    else if (m?.type === 'evaluate') e.emit({ type: 'evaluation', evaluation });
  };
  return { engines, spawn, running, request, answer };
}

/** One turn of the event loop: the service's spawn, if any, has happened by then (no clock involved). */
const tick = () => new Promise((resolve) => setImmediate(resolve));

function storeWithRun(name: string): Store {
  const store = openStore(join(dir, `${name}.sqlite`));
  store.runs.insert({ id: 'run1', name: 'xor', graph: xorGraph(), backend: 'cpu', createdAt: at });
  store.runs.setStatus('run1', 'completed');
  store.checkpoints.save('run1', {
    kind: 'final',
    epoch: 3,
    tensors: [{ name: 'out.kernel', shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) }],
  });
  return store;
}

describe('one-off engine jobs', () => {
  it('shares one engine between two identical gradient checks', async () => {
    const fake = heldEngines();
    const inspect = createInspectService({ store: storeWithRun('share'), manager: { isActive: () => false }, spawn: fake.spawn });
    const a = inspect.gradcheck(xorGraph(), { samples: 3 });
    const b = inspect.gradcheck(xorGraph(), { samples: 3 });
    await tick();
    expect(fake.engines).toHaveLength(1);
    fake.answer(fake.engines[0]!);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).toEqual(report(3));
    expect(rb).toBe(ra);
    // Once answered, the same request is a new job (the graph may be checked again on purpose).
    const c = inspect.gradcheck(xorGraph(), { samples: 3 });
    await tick();
    expect(fake.engines).toHaveLength(2);
    fake.answer(fake.engines[1]!);
    await c;
  });

  it('shares one engine between two identical evaluations and caches the answer', async () => {
    const fake = heldEngines();
    const store = storeWithRun('evaluate');
    const inspect = createInspectService({ store, manager: { isActive: () => false }, spawn: fake.spawn });
    const a = inspect.evaluate('run1', { checkpoint: 'final', split: 'validation' });
    const b = inspect.evaluate('run1', { checkpoint: 'final', split: 'validation' });
    await tick();
    expect(fake.engines).toHaveLength(1);
    expect(fake.request(fake.engines[0]!)).toMatchObject({ type: 'evaluate', split: 'validation' });
    fake.answer(fake.engines[0]!);
    const [ea, eb] = await Promise.all([a, b]);
    expect(eb).toBe(ea);
    expect(ea).toMatchObject({ runId: 'run1', checkpoint: 'final', epoch: 3, accuracy: 1 });
    // Stored now: a third request needs no engine.
    await expect(inspect.evaluate('run1', { checkpoint: 'final', split: 'validation' })).resolves.toMatchObject({ accuracy: 1 });
    expect(fake.engines).toHaveLength(1);
  });

  it('runs different jobs one at a time, in the order asked, past a failure', async () => {
    const fake = heldEngines();
    const store = storeWithRun('queue');
    const jobs = new OneOffJobs();
    const inspect = createInspectService({ store, manager: { isActive: () => false }, spawn: fake.spawn, jobs });
    const check = inspect.gradcheck(xorGraph(), { samples: 2 });
    const evaluate = inspect.evaluate('run1', { checkpoint: 'final', split: 'validation' });
    const second = inspect.gradcheck(xorGraph(), { samples: 5 });
    await tick();
    expect(jobs.size).toBe(3);
    expect(fake.running()).toHaveLength(1);
    expect(fake.request(fake.engines[0]!)).toMatchObject({ type: 'gradcheck', samples: 2 });

    // The first job's engine fails: its caller hears why, and the queue moves on.
    fake.engines[0]!.emit({ type: 'failed', message: 'the graph could not be built' });
    await expect(check).rejects.toThrow('the graph could not be built');
    await tick();
    expect(fake.running()).toHaveLength(1);
    expect(fake.request(fake.engines[1]!)).toMatchObject({ type: 'evaluate' });

    fake.answer(fake.engines[1]!);
    await evaluate;
    await tick();
    expect(fake.running()).toHaveLength(1);
    expect(fake.request(fake.engines[2]!)).toMatchObject({ type: 'gradcheck', samples: 5 });
    fake.answer(fake.engines[2]!);
    expect(await second).toEqual(report(5));
    expect(jobs.size).toBe(0);
    expect(fake.engines.every((e) => e.killed)).toBe(true);
  });

  it('refuses a missing run at once rather than queueing it', async () => {
    const fake = heldEngines();
    const jobs = new OneOffJobs();
    const inspect = createInspectService({
      store: storeWithRun('missing'),
      manager: { isActive: () => false },
      spawn: fake.spawn,
      jobs,
    });
    const busy = inspect.gradcheck(xorGraph(), {});
    await expect(inspect.evaluate('nope', { checkpoint: 'final', split: 'validation' })).rejects.toThrow('there is no run nope');
    expect(jobs.size).toBe(1);
    await tick();
    fake.answer(fake.engines[0]!);
    await busy;
  });
});

describe('regression runs in the run list', () => {
  it('carries the last epoch’s validation R² and no accuracy', () => {
    const store = openStore(join(dir, 'r2list.sqlite'));
    store.runs.insert({ id: 'reg', name: 'reg', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.runs.insert({ id: 'cls', name: 'cls', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.transaction(() => {
      store.metrics.record('reg', epochEvent(1, { valLoss: 0.9, valR2: -0.25 }));
      store.metrics.record('reg', epochEvent(2, { valLoss: 0.3, valR2: 0.871 }));
      store.metrics.record('cls', epochEvent(1, { valLoss: 0.5, valAcc: 0.75 }));
    });
    const byId = Object.fromEntries(store.runs.list().map((r) => [r.id, r]));
    expect(byId.reg!.finalValR2).toBe(0.871);
    expect(byId.cls!.finalValR2).toBeUndefined();
    expect(store.runs.summary('reg')!.finalValR2).toBe(0.871);
    expect(store.runs.detail('reg')!.finalValR2).toBe(0.871);
    store.close();
  });
});
