// Issue #14, item 9: Infinity and NaN in metrics are legitimate events. They pass the engine
// protocol and the run ends as diverged with the engine's advice, never as "malformed message".
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../src-main/store/store';
import { UpdateStream } from '../../../src-main/engine/updateStream';
import { RunManager } from '../../../src-main/engine/runManager';
import { engineEventSchema } from '../../../src-shared/engineEvents';
import { firstNonFinite } from '../../../src-engine/train/nonFinite';
import { FakeEngine } from '../helpers/fakeEngine';
import { tempDir } from '../helpers/temp';
import { xorGraph } from '../helpers/graphs';

const dir = tempDir();

const blownEpoch = {
  event: 'epoch' as const,
  epoch: 1,
  step: 25,
  trainLoss: 3.2,
  valLoss: Infinity,
  lr: 10,
  elapsedMs: 12,
  samplesPerSec: 1000,
  layers: { hidden: { weightNorm: Infinity, gradNorm: NaN, actMean: 0.1, actStd: Infinity } },
};

describe('non-finite metrics', () => {
  it('pass the engine protocol', () => {
    expect(engineEventSchema.safeParse(blownEpoch).success).toBe(true);
    expect(engineEventSchema.safeParse({ event: 'step', epoch: 1, step: 3, loss: NaN, lr: 5 }).success).toBe(true);
  });

  it('name the node whose measurements left the numbers first', () => {
    expect(firstNonFinite(blownEpoch.layers, blownEpoch.valLoss)).toBe('the weights of node "hidden" became Infinity');
    expect(firstNonFinite({ a: { actMean: NaN, actStd: 1 } }, 1)).toBe('the outputs of node "a" became NaN');
    expect(firstNonFinite({ a: { actMean: 0, actStd: 1 } }, -Infinity)).toBe('the validation loss became -Infinity');
    expect(firstNonFinite({ a: { weightNorm: 2, actMean: 0, actStd: 1 } }, 0.5)).toBeNull();
  });

  it('end a run as diverged with the advice, keeping the epoch', async () => {
    const store = openStore(join(dir, 'diverged.sqlite'));
    const updates = new UpdateStream(store, 10);
    const spawn = () =>
      new FakeEngine((engine, m) => {
        if (m.type !== 'train') return;
        engine.emit({ type: 'event', event: blownEpoch });
        engine.emit({
          type: 'event',
          event: {
            event: 'done',
            status: 'diverged',
            epochs: 1,
            steps: 25,
            samplesPerSec: 1000,
            finalTrainLoss: 3.2,
            divergedAtStep: 25,
            message: 'the weights of node "hidden" became Infinity at step 25 (epoch 1); try a lower learning rate',
          },
        });
        engine.emit({ type: 'finished' });
      });
    const manager = new RunManager({ store, spawn, updates, concurrency: 1 });
    store.runs.insert({ id: 'r', name: 'r', graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
    manager.enqueue('r', xorGraph());
    await manager.whenIdle();
    expect(store.runs.summary('r')).toMatchObject({
      status: 'diverged',
      error: expect.stringMatching(/^the weights of node "hidden" became Infinity at step 25 .*try a lower learning rate$/),
    });
    expect(store.metrics.all('r').epochs).toHaveLength(1);
    store.close();
  });
});
