// The host against engines that misbehave: malformed messages, a stop that never comes, a spawn
// that throws, an engine that reports failure. Each ends its run with a reason; the queue goes on.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src-main/store/store';
import { UpdateStream } from '../../src-main/engine/updateStream';
import { RunManager } from '../../src-main/engine/runManager';
import type { EngineSpawner } from '../../src-main/engine/engineProcess';
import type { RunUpdate } from '../../src-shared/api';
import { FakeEngine } from './helpers/fakeEngine';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';
import { waitFor } from '../helpers/waitFor';

const dir = tempDir();
let n = 0;

function host(spawn: EngineSpawner, stopTimeoutMs = 10_000) {
  const store = openStore(join(dir, `faults-${n++}.sqlite`));
  const updates = new UpdateStream(store, 10);
  const seen: RunUpdate[] = [];
  updates.subscribe((batch) => seen.push(...batch));
  const manager = new RunManager({ store, spawn, updates, concurrency: 1, stopTimeoutMs });
  const add = (id: string) => {
    store.runs.insert({ id, name: id, graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
    manager.enqueue(id, xorGraph());
  };
  return { store, manager, add, seen };
}

describe('the engine host with faulty engines', () => {
  it('fails a run whose engine sends a malformed message, and kills that engine', async () => {
    const engines: FakeEngine[] = [];
    const h = host(() => {
      const e = new FakeEngine(
        (engine, m) => m.type === 'train' && engine.emit({ type: 'event', event: { event: 'epoch', epoch: 'one' } }),
      );
      engines.push(e);
      return e;
    });
    h.add('a');
    await h.manager.whenIdle();
    expect(h.store.runs.summary('a')).toMatchObject({ status: 'failed', error: expect.stringMatching(/malformed message/) });
    expect(engines[0].killed).toBe(true);
    expect(engines[0].received[0]).toMatchObject({ type: 'train', runId: 'a', protocol: 1 });
  });

  it('kills an engine that does not stop in time and records the run as stopped', async () => {
    const engine = new FakeEngine();
    const h = host(() => engine, 100);
    h.add('b');
    await waitFor(() => engine.received.some((m) => m.type === 'train'), 'the train request');
    h.manager.stop('b');
    expect(engine.received.map((m) => m.type)).toEqual(['train', 'stop']);
    await h.manager.whenIdle();
    expect(engine.killed).toBe(true);
    expect(h.store.runs.summary('b')).toMatchObject({
      status: 'stopped',
      error: 'the engine did not stop in time and was ended',
    });
  });

  it('fails a run whose engine cannot start, and starts the next one', async () => {
    let calls = 0;
    const h = host(() => {
      if (calls++ === 0) throw new Error('no more processes');
      return new FakeEngine((engine, m) => {
        if (m.type !== 'train') return;
        engine.emit({
          type: 'event',
          event: { event: 'done', status: 'completed', epochs: 1, steps: 1, samplesPerSec: 1, finalTrainLoss: 0.1 },
        });
        engine.emit({ type: 'finished' });
      });
    });
    h.add('c');
    h.add('d');
    await h.manager.whenIdle();
    expect(h.store.runs.summary('c')).toMatchObject({ status: 'failed', error: 'the engine could not start: no more processes' });
    expect(h.store.runs.summary('d')).toMatchObject({ status: 'completed', finalTrainLoss: 0.1 });
  });

  it('records the reason an engine gives for failing', async () => {
    const h = host(
      () =>
        new FakeEngine((engine, m) => {
          if (m.type !== 'train') return;
          engine.emit({ type: 'failed', message: 'dataset "x": file not found' });
          engine.emit({ type: 'finished' });
        }),
    );
    h.add('e');
    await h.manager.whenIdle();
    expect(h.store.runs.summary('e')).toMatchObject({ status: 'failed', error: 'dataset "x": file not found' });
    expect(h.seen.filter((u) => u.kind === 'status').map((u) => u.kind === 'status' && [u.status, u.error])).toEqual([
      ['running', undefined],
      ['failed', 'dataset "x": file not found'],
    ]);
  });

  it('records a diverged run with its message', async () => {
    const h = host(
      () =>
        new FakeEngine((engine, m) => {
          if (m.type !== 'train') return;
          engine.emit({
            type: 'event',
            event: {
              event: 'done',
              status: 'diverged',
              epochs: 0,
              steps: 3,
              samplesPerSec: 1,
              finalTrainLoss: null,
              divergedAtStep: 3,
              message: 'the loss became NaN at step 3',
            },
          });
          engine.emit({ type: 'finished' });
        }),
    );
    h.add('f');
    await h.manager.whenIdle();
    expect(h.store.runs.summary('f')).toMatchObject({ status: 'diverged', error: 'the loss became NaN at step 3' });
  });

  it('marks active and queued runs interrupted on shutdown', async () => {
    const engine = new FakeEngine();
    const h = host(() => engine);
    h.add('g');
    h.add('h');
    h.manager.shutdown('the app closed');
    expect(h.store.runs.summary('g')).toMatchObject({ status: 'interrupted', error: 'the app closed' });
    expect(h.store.runs.summary('h')).toMatchObject({ status: 'interrupted', error: 'the app closed' });
    expect(engine.killed).toBe(true);
    expect(() => h.add('i')).toThrow(/shutting down/);
  });
});
