// Multi-output runs: each output's loss and metrics are stored with the epoch and come back as
// they were sent (a diverged output's NaN included), so a reopened run charts every output.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src-main/store/store';
import { epochEvent } from '../helpers/epochEvent';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';

const dir = tempDir();
const at = '2025-01-01T00:00:00.000Z';

describe('per-output epoch metrics', () => {
  it('round-trips each output by node id, a non-finite figure as NaN', () => {
    const store = openStore(join(dir, 'outputs.sqlite'));
    store.runs.insert({ id: 'm', name: 'm', graph: xorGraph(), backend: 'cpu', createdAt: at });
    const first = {
      class: { trainLoss: 0.9, trainAcc: 0.5, valLoss: 1.1, valAcc: 0.4 },
      box: { trainLoss: 0.05, trainR2: 0.1, trainMae: 0.2, valLoss: 0.06, valR2: -0.1, valMae: 0.21 },
    };
    store.transaction(() => {
      store.metrics.record('m', epochEvent(1, { valLoss: 1.34, outputs: first }));
      store.metrics.record('m', epochEvent(2, { valLoss: NaN, outputs: { class: { trainLoss: 0.5 }, box: { trainLoss: NaN } } }));
      store.metrics.record('m', epochEvent(3, {}));
    });
    const epochs = store.metrics.all('m').epochs;
    expect(epochs[0].outputs).toEqual(first);
    expect(epochs[1].outputs).toEqual({ class: { trainLoss: 0.5 }, box: { trainLoss: NaN } });
    // A one-output run's epochs have no outputs field at all.
    expect('outputs' in epochs[2]).toBe(false);
    store.close();
  });
});
