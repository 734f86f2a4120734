// One seed drives initialization, shuffling and dropout: same graph, config and seed → identical metrics.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { chain } from './graphs';
import { trainGraph, withoutTimings } from './trainHelpers';

const spiral = createGeneratedDataset('spiral', { samples: 200, seed: 3 });
const doc = (seed: number) =>
  chain(
    [
      ['in', 'Input'],
      ['h1', 'Dense', { units: 16, activation: 'relu' }],
      ['bn', 'BatchNorm'],
      ['drop', 'Dropout', { rate: 0.3 }],
      ['h2', 'Dense', { units: 8, activation: 'tanh' }],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ],
    { dataset: 'spiral', epochs: 3, batchSize: 16, seed, validationSplit: 0.25, optimizer: { name: 'adam', lr: 0.01 } },
  );

describe('determinism', () => {
  it('gives identical metrics, bit for bit, for the same seed', async () => {
    const a = await trainGraph(doc(7), spiral);
    const b = await trainGraph(doc(7), spiral);
    expect(a.epochs.length).toBe(3);
    expect(withoutTimings(a.events)).toEqual(withoutTimings(b.events));
    const wa = a.run.model.params().map((p) => Array.from(p.dataSync()));
    const wb = b.run.model.params().map((p) => Array.from(p.dataSync()));
    expect(wa).toEqual(wb);
  });

  it('gives different weights and metrics for another seed', async () => {
    const a = await trainGraph(doc(7), spiral);
    const c = await trainGraph(doc(8), spiral);
    expect(a.done.finalTrainLoss).not.toEqual(c.done.finalTrainLoss);
  });

  it('starts from identical weights when only the optimizer changes', async () => {
    const adam = await import('../../src-engine/train/prepareRun').then((m) => m.prepareRun(doc(5), spiral));
    const sgdDoc = doc(5);
    sgdDoc.training.optimizer = { name: 'sgd', lr: 0.1 };
    const sgd = await import('../../src-engine/train/prepareRun').then((m) => m.prepareRun(sgdDoc, spiral));
    if (!adam.ok || !sgd.ok) throw new Error('graphs should be valid');
    const w = (r: typeof adam) => (r.ok ? r.run.model.params().map((p) => Array.from(p.dataSync())) : []);
    expect(w(adam)).toEqual(w(sgd));
  });
});
