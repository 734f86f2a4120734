// Metrics reach the UI in batches at most every interval (about 10 a second), only after they
// are in the database, and nothing is dropped or reordered on the way.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src-main/store/store';
import { UpdateStream } from '../../src-main/engine/updateStream';
import type { RunUpdate } from '../../src-shared/api';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';
import { runStoreBench } from '../../bench/store';

describe('the update stream', () => {
  it('forwards at most ~10 batches a second, each already stored, with every event in order', async () => {
    const store = openStore(join(tempDir(), 'stream.sqlite'));
    store.runs.insert({ id: 'r', name: 'r', graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
    const stream = new UpdateStream(store, 100);
    const batches: Array<{ at: number; updates: RunUpdate[]; storedSteps: number }> = [];
    const countSteps = store.db.prepare("SELECT COUNT(*) FROM step_metrics WHERE run_id = 'r'").pluck();
    stream.subscribe((updates) => batches.push({ at: performance.now(), updates, storedSteps: countSteps.get() as number }));

    const started = performance.now();
    let step = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        for (let i = 0; i < 20; i++) stream.event('r', { event: 'step', epoch: 1, step: ++step, loss: 1 / step, lr: 0.1 });
        if (performance.now() - started > 1000) {
          clearInterval(timer);
          resolve();
        }
      }, 2);
    });
    stream.close();

    const seconds = (batches.at(-1)!.at - started) / 1000;
    expect(batches.length / seconds).toBeLessThanOrEqual(11);
    expect(step).toBeGreaterThan(1000);
    // Each batch was in the database before the listener saw it.
    let forwarded = 0;
    for (const b of batches) {
      forwarded += b.updates.length;
      expect(b.storedSteps).toBe(forwarded);
    }
    const sent = batches.flatMap((b) =>
      b.updates.map((u) => (u.kind === 'engine' && u.event.event === 'step' ? u.event.step : -1)),
    );
    expect(sent).toEqual(Array.from({ length: step }, (_, i) => i + 1));
    expect(store.metrics.steps('r').map((s) => s.step)).toEqual(sent);
    store.close();
  });

  it('sends a status change at once, after the events before it', () => {
    const store = openStore(join(tempDir(), 'status.sqlite'));
    store.runs.insert({ id: 'r', name: 'r', graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
    const stream = new UpdateStream(store, 10_000);
    const batches: RunUpdate[][] = [];
    stream.subscribe((b) => batches.push(b));
    stream.event('r', { event: 'step', epoch: 1, step: 1, loss: 0.5, lr: 0.1 });
    stream.status('r', 'paused');
    expect(batches).toHaveLength(1);
    expect(batches[0].map((u) => u.kind)).toEqual(['engine', 'status']);
    expect(store.runs.status('r')).toBe('paused');
    store.close();
  });
});

describe("a run's first result", () => {
  const epoch = (n: number) =>
    ({ event: 'epoch', epoch: n, step: n * 10, trainLoss: 1 / n, lr: 0.1, elapsedMs: n, samplesPerSec: 1, layers: {} }) as const;
  const insight = (n: number) => ({ event: 'insight', epoch: n }) as const;
  const kinds = (b: RunUpdate[]) =>
    b.map((u) => (u.kind === 'engine' ? `${u.event.event} ${'epoch' in u.event ? u.event.epoch : ''}`.trim() : u.kind));

  it('goes out at once: the first epoch and its insight skip the batching interval, later epochs wait for it', () => {
    const store = openStore(join(tempDir(), 'first.sqlite'));
    store.runs.insert({ id: 'r', name: 'r', graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
    // An interval no test outlives: whatever arrives before the close came out of a flush on the spot.
    const stream = new UpdateStream(store, 10_000);
    const batches: RunUpdate[][] = [];
    stream.subscribe((b) => batches.push(b));
    stream.event('r', { event: 'step', epoch: 1, step: 1, loss: 0.5, lr: 0.1 });
    expect(batches).toHaveLength(0);
    stream.event('r', epoch(1));
    expect(batches.map(kinds)).toEqual([['step 1', 'epoch 1']]);
    stream.event('r', insight(1));
    expect(batches.map(kinds)).toEqual([['step 1', 'epoch 1'], ['insight 1']]);
    // Already in the database when sent, as every batch.
    expect(store.metrics.epochs('r').map((e) => e.epoch)).toEqual([1]);
    stream.event('r', epoch(2));
    stream.event('r', insight(2));
    expect(batches).toHaveLength(2);
    stream.close();
    expect(batches.map(kinds).at(-1)).toEqual(['epoch 2', 'insight 2']);
    store.close();
  });

  it('is first for each run on its own', () => {
    const store = openStore(join(tempDir(), 'runs.sqlite'));
    for (const id of ['a', 'b'])
      store.runs.insert({ id, name: id, graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
    const stream = new UpdateStream(store, 10_000);
    const batches: RunUpdate[][] = [];
    stream.subscribe((b) => batches.push(b));
    stream.event('a', epoch(1));
    stream.event('b', epoch(1));
    expect(batches.map((b) => b.map((u) => u.runId))).toEqual([['a'], ['b']]);
    stream.event('a', epoch(2));
    expect(batches).toHaveLength(2);
    stream.status('a', 'completed');
    expect(batches).toHaveLength(3);
    stream.close();
    store.close();
  });
});

describe('the store benchmark', () => {
  it('inserts rows in batches and reads a whole series back (smaller than the real run)', () => {
    const r = runStoreBench(60_000, 50_000);
    expect(r.rows).toBe(60_000);
    expect(r.seriesPoints).toBe(50_000);
    expect(r.rowsPerSec).toBeGreaterThan(0);
    expect(r.seriesQueryMs).toBeGreaterThan(0);
  });
});
