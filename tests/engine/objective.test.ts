// The reported objective J = L + R(W) with L1/L2 on, proximal L1's exact zeros, and the entropy
// metric: each against hand-computed numbers, then in a training run.
import { describe, expect, it } from 'vitest';
import { cpu64 } from './setup';
import { withBackend } from '../../src-engine/core/backend';
import { parameter, tensor } from '../../src-engine/core/tensor';
import { applyL1Proximal, penaltyTensor } from '../../src-engine/optim/penalty';
import { createOptimizer } from '../../src-engine/optim';
import { entropySum } from '../../src-engine/train/entropy';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { chain } from './graphs';
import { trainGraph } from './trainHelpers';

describe('R(W) and the proximal L1 step by hand', () => {
  it('R = l1·Σ|w| + ½·l2·Σw² over the weights, biases exempt', () => {
    withBackend(cpu64, () => {
      const kernel = parameter(Float64Array.from([0.5, -2, 0, 1]), [2, 2], 'dense.kernel');
      const bias = parameter(Float64Array.from([10, -10]), [2], 'dense.bias');
      const r = penaltyTensor([kernel, bias], { l1: 0.1, l2: 0.2, l1Proximal: false })!.item();
      // Σ|w| = 3.5, Σw² = 0.25 + 4 + 0 + 1 = 5.25: 0.1·3.5 + ½·0.2·5.25 = 0.35 + 0.525
      expect(r).toBeCloseTo(0.875, 12);
      expect(penaltyTensor([kernel], { l1: 0, l2: 0, l1Proximal: false })).toBeNull();
    });
  });

  it('soft-thresholds: w ← sign(w)·max(|w| − lr·l1, 0), exact zeros inside the threshold', () => {
    withBackend(cpu64, () => {
      const w = parameter(Float64Array.from([0.5, -0.05, 0.1, -1, 0]), [5], 'dense.kernel');
      const b = parameter(Float64Array.from([0.05]), [1], 'dense.bias');
      applyL1Proximal([w, b], 0.5, 0.2); // threshold lr·l1 = 0.1
      const got = Array.from(w.dataSync());
      [0.4, 0, 0, -0.9, 0].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
      expect(got[1]).toBe(0);
      expect(got[2]).toBe(0);
      expect(Array.from(b.dataSync())).toEqual([0.05]); // biases are not penalized
    });
  });

  it('one SGD step with proximal L1: the gradient step, then the shrink (no sign(w) in the gradient)', () => {
    withBackend(cpu64, () => {
      const w = parameter(Float64Array.from([0.3, -0.02]), [2], 'dense.kernel');
      w.grad = tensor([1, 0.1], [2]);
      createOptimizer({ name: 'sgd', lr: 0.1, l1: 0.5, l1Proximal: true }).step([w]);
      // after the step: [0.3 − 0.1, −0.02 − 0.01] = [0.2, −0.03]; shrink by 0.05: [0.15, 0]
      const got = Array.from(w.dataSync());
      expect(got[0]).toBeCloseTo(0.15, 12);
      expect(got[1]).toBe(0);
    });
  });
});

describe('entropy of the predicted distribution by hand', () => {
  it('is ln K for equal logits, −Σ p ln p for given probabilities, binary for one sigmoid unit', () => {
    withBackend(cpu64, () => {
      expect(entropySum(tensor([0, 0, 0, 5, 5, 5], [2, 3]), 'softmax', true).item()).toBeCloseTo(2 * Math.log(3), 12);
      const p = [0.5, 0.25, 0.25];
      const h = -p.reduce((s, v) => s + v * Math.log(v), 0);
      expect(entropySum(tensor([...p, 1, 0, 0], [2, 3]), 'softmax', false).item()).toBeCloseTo(h, 12); // a certain row adds 0
      const q = 1 / (1 + Math.exp(-1.5));
      const hq = -(q * Math.log(q) + (1 - q) * Math.log(1 - q));
      expect(entropySum(tensor([0, 1.5], [2, 1]), 'sigmoid', true).item()).toBeCloseTo(Math.log(2) + hq, 12);
      expect(entropySum(tensor([0.5, q], [2, 1]), 'sigmoid', false).item()).toBeCloseTo(Math.log(2) + hq, 12);
    });
  });
});

function circleNet(optimizer: Record<string, unknown>) {
  return chain(
    [
      ['in', 'Input', { shape: [2] }],
      ['hidden', 'Dense', { units: 16, activation: 'relu' }],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ],
    { dataset: 'circle', optimizer: { name: 'sgd', lr: 0.1, ...optimizer }, batchSize: 16, epochs: 6, validationSplit: 0.25 },
  );
}

describe('in training', () => {
  const dataset = createGeneratedDataset('circle', { seed: 1, samples: 200 });

  it('reports J = L + R(W) with L2, R from the epoch’s end weights; nothing without penalties', async () => {
    const l2 = 0.01;
    const { epochs, run } = await trainGraph(circleNet({ l2 }), dataset);
    const last = epochs.at(-1)!;
    let sumSquares = 0;
    for (const p of run.model.params()) if (p.name?.endsWith('.kernel')) for (const v of p.dataSync()) sumSquares += v * v;
    expect(last.trainObjective! - last.trainLoss).toBeCloseTo(0.5 * l2 * sumSquares, 5);
    expect(last.valObjective! - last.valLoss!).toBeCloseTo(0.5 * l2 * sumSquares, 5);
    expect(last.valEntropy).toBeGreaterThan(0);
    expect(last.valEntropy).toBeLessThanOrEqual(Math.log(2));
    const plain = await trainGraph(circleNet({}), dataset);
    expect(plain.epochs.every((e) => e.trainObjective === undefined && e.valObjective === undefined)).toBe(true);
  });

  it('proximal L1 sets some weights to exactly 0; the subgradient form leaves none there', async () => {
    const zeros = async (optimizer: Record<string, unknown>) => {
      const { run, epochs } = await trainGraph(circleNet(optimizer), dataset);
      expect(epochs.at(-1)!.trainObjective).toBeGreaterThan(epochs.at(-1)!.trainLoss);
      return run.model
        .params()
        .filter((p) => p.name?.endsWith('.kernel'))
        .reduce((n, p) => n + Array.from(p.dataSync()).filter((v) => v === 0).length, 0);
    };
    expect(await zeros({ l1: 0.02, l1Proximal: true })).toBeGreaterThan(0);
    expect(await zeros({ l1: 0.02 })).toBe(0);
  });
});
