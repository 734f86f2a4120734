// The perceptron rule inside the loss/optimizer framework: a step unit with the `perceptron`
// loss under plain SGD, one sample per step, makes exactly the textbook updates
// w ← w + η(t − y)x, b ← b + η(t − y), and nothing on a right answer.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { Rng } from '../../src-engine/core/rng';
import { chain } from './graphs';
import { trainGraph } from './trainHelpers';

const perceptron = (dataset: string, lr: number, epochs: number, seed: number) =>
  chain(
    [
      ['in', 'Input'],
      ['out', 'Dense', { units: 1, activation: 'step' }],
    ],
    {
      dataset,
      loss: 'perceptron',
      optimizer: { name: 'sgd', lr },
      batchSize: 1,
      epochs,
      seed,
      initializer: 'zeros',
    },
  );

/** The rule by hand, visiting the rows in the trainer's order (its shuffle stream). */
function byHand(dataset: string, lr: number, epochs: number, seed: number) {
  const ds = createGeneratedDataset(dataset);
  const shuffle = new Rng(seed).fork('shuffle');
  const w = [0, 0];
  let b = 0;
  let updates = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const row of shuffle.permutation(ds.count)) {
      const x = [ds.x[row * 2], ds.x[row * 2 + 1]];
      const y = w[0] * x[0] + w[1] * x[1] + b > 0 ? 1 : 0;
      const t = ds.y[row];
      if (y !== t) updates++;
      w[0] += lr * (t - y) * x[0];
      w[1] += lr * (t - y) * x[1];
      b += lr * (t - y);
    }
  }
  return { w, b, updates };
}

describe('the perceptron rule', () => {
  for (const gate of ['and', 'or', 'nand']) {
    it(`reproduces w ← w + η(t − y)x exactly on ${gate.toUpperCase()} and ends with every row right`, async () => {
      const { run, done } = await trainGraph(perceptron(gate, 0.5, 12, 3), createGeneratedDataset(gate));
      const [kernel, bias] = run.model.nodes.find((n) => n.id === 'out')!.instance.params;
      const expected = byHand(gate, 0.5, 12, 3);
      expect(expected.updates).toBeGreaterThan(0);
      expect(Array.from(kernel.dataSync())).toEqual(expected.w);
      expect(Array.from(bias.dataSync())).toEqual([expected.b]);
      expect(done.finalTrainAcc).toBe(1);
      expect(done.finalTrainLoss).toBe(0);
    });
  }

  it('never settles on XOR: some row is always wrong', async () => {
    const { epochs } = await trainGraph(perceptron('xor', 1, 30, 1), createGeneratedDataset('xor'));
    for (const e of epochs) expect(e.trainAcc).toBeLessThan(1);
  });

  it('learns NOT with one input', async () => {
    const doc = chain(
      [
        ['in', 'Input'],
        ['out', 'Dense', { units: 1, activation: 'step' }],
      ],
      {
        dataset: 'not',
        loss: 'perceptron',
        optimizer: { name: 'sgd', lr: 1 },
        batchSize: 1,
        epochs: 5,
        initializer: 'zeros',
      },
    );
    const { done } = await trainGraph(doc, createGeneratedDataset('not'));
    expect(done.finalTrainAcc).toBe(1);
  });
});
