// The objective J = L + R(W), the prediction entropy and the final test figures are stored and
// come back as they were sent, so a reopened run shows them like a live one.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src-main/store/store';
import { epochEvent } from '../helpers/epochEvent';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';

const dir = tempDir();
const at = '2025-01-01T00:00:00.000Z';

describe('objective, entropy and test figures in the store', () => {
  it('round-trips trainObjective, valObjective and valEntropy per epoch; absent stays absent', () => {
    const store = openStore(join(dir, 'objective.sqlite'));
    store.runs.insert({ id: 'r', name: 'r', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.transaction(() => {
      store.metrics.record('r', epochEvent(1, { valLoss: 0.9, trainObjective: 1.25, valObjective: 1.15, valEntropy: 0.6 }));
      store.metrics.record('r', epochEvent(2, { valLoss: 0.5 }));
    });
    const [first, second] = store.metrics.epochs('r');
    expect(first).toMatchObject({ trainObjective: 1.25, valObjective: 1.15, valEntropy: 0.6 });
    expect([second.trainObjective, second.valObjective, second.valEntropy]).toEqual([undefined, undefined, undefined]);
    store.close();
  });

  it('keeps finalTestLoss and finalTestAcc from the done event on the run record', () => {
    const store = openStore(join(dir, 'test.sqlite'));
    store.runs.insert({ id: 't', name: 't', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.transaction(() => {
      store.metrics.record('t', epochEvent(1, { valLoss: 0.4, valAcc: 0.8 }));
      store.metrics.record('t', {
        event: 'done',
        status: 'completed',
        epochs: 1,
        steps: 10,
        samplesPerSec: 500,
        finalTrainLoss: 1,
        finalValLoss: 0.4,
        finalValAcc: 0.8,
        finalTestLoss: 0.45,
        finalTestAcc: 0.75,
      });
    });
    expect(store.runs.summary('t')).toMatchObject({ finalValAcc: 0.8, finalTestLoss: 0.45, finalTestAcc: 0.75 });
    store.close();
  });
});
