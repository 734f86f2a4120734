// Every loss: gradient check, and its value against the textbook formula on hand-made numbers.
import { describe, expect, it } from 'vitest';
import { cpu64 } from './setup';
import { withBackend } from '../../src-engine/core/backend';
import { tensor } from '../../src-engine/core/tensor';
import { gradCheck } from '../../src-engine/core/gradcheck';
import { Rng } from '../../src-engine/core/rng';
import { getLoss, listLosses } from '../../src-engine/losses';
import { validateGraph } from '../../src-engine/graph/validate';
import { chain } from './graphs';

const awayFromZero = (v: number) => (Math.abs(v) < 0.2 ? v + Math.sign(v || 1) * 0.2 : v);

function oneHot(labels: number[], classes: number): number[] {
  return labels.flatMap((l) => Array.from({ length: classes }, (_, j) => (j === l ? 1 : 0)));
}

describe('losses', () => {
  it('registers the eight losses the app teaches', () => {
    expect(
      listLosses()
        .map((l) => l.name)
        .sort(),
    ).toEqual(['binary_cross_entropy', 'cross_entropy', 'hinge', 'kl_divergence', 'mae', 'mse', 'perceptron', 'smooth_l1']);
  });

  for (const loss of listLosses()) {
    it(`${loss.name} passes the gradient check`, () => {
      withBackend(cpu64, () => {
        const rng = new Rng(3);
        // One unit with 0/1 targets; the perceptron's z stays away from its kink at 0 (|z| ≥ 0.2).
        const binary = loss.name === 'binary_cross_entropy' || loss.name === 'perceptron';
        const width = binary ? 1 : 4;
        const out = tensor(
          Array.from({ length: 5 * width }, () => awayFromZero(rng.uniform(-2, 2))),
          [5, width],
        );
        out.requiresGrad = true;
        const classification = ['cross_entropy', 'hinge', 'binary_cross_entropy', 'perceptron', 'kl_divergence'].includes(
          loss.name,
        );
        const target = classification
          ? binary
            ? tensor([0, 1, 1, 0, 1], [5, 1])
            : tensor(oneHot([0, 3, 1, 2, 3], 4), [5, 4])
          : tensor(
              Array.from({ length: 20 }, () => rng.uniform(-2, 2)),
              [5, 4],
            );
        const result = gradCheck(() => loss.compute(out, target), [out]);
        expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(1e-6);
      });
    });
  }

  const value = (name: string, out: number[], target: number[], shape: number[]) =>
    withBackend(cpu64, () => getLoss(name)!.compute(tensor(out, shape), tensor(target, shape)).item());

  it('mse, mae and smooth_l1 match their formulas', () => {
    // errors: 0.5, -2, 1, 0.25
    const out = [1.5, 0, 3, 0.25];
    const y = [1, 2, 2, 0];
    expect(value('mse', out, y, [2, 2])).toBeCloseTo((0.25 + 4 + 1 + 0.0625) / 4, 12);
    expect(value('mae', out, y, [2, 2])).toBeCloseTo((0.5 + 2 + 1 + 0.25) / 4, 12);
    // smooth L1 (β = 1): ½e² inside |e| < 1, |e| − ½ outside
    expect(value('smooth_l1', out, y, [2, 2])).toBeCloseTo((0.125 + 1.5 + 0.5 + 0.03125) / 4, 12);
  });

  it('cross_entropy is −log softmax of the true class, stable for huge logits', () => {
    const logits = [2, 1, 0.1];
    const softmax0 = Math.exp(2) / (Math.exp(2) + Math.exp(1) + Math.exp(0.1));
    expect(value('cross_entropy', logits, [1, 0, 0], [1, 3])).toBeCloseTo(-Math.log(softmax0), 12);
    const huge = value('cross_entropy', [1000, 0, -1000], [0, 1, 0], [1, 3]);
    expect(huge).toBeCloseTo(1000, 6);
  });

  it('binary_cross_entropy works from logits without overflow', () => {
    const z = 0.7;
    const p = 1 / (1 + Math.exp(-z));
    expect(value('binary_cross_entropy', [z], [1], [1, 1])).toBeCloseTo(-Math.log(p), 12);
    expect(value('binary_cross_entropy', [z], [0], [1, 1])).toBeCloseTo(-Math.log(1 - p), 12);
    expect(value('binary_cross_entropy', [-800], [1], [1, 1])).toBeCloseTo(800, 6);
    expect(Number.isFinite(value('binary_cross_entropy', [800], [0], [1, 1]))).toBe(true);
  });

  it('hinge sums max(0, 1 + s_j − s_y) over the wrong classes', () => {
    // CS231n's example: scores [3.2, 5.1, −1.7], true class 0 → max(0, 2.9) + max(0, −3.9) = 2.9
    expect(value('hinge', [3.2, 5.1, -1.7], [1, 0, 0], [1, 3])).toBeCloseTo(2.9, 12);
    // true class 1 with a margin larger than 1 everywhere → 0
    expect(value('hinge', [1.3, 4.9, 2.0], [0, 1, 0], [1, 3])).toBeCloseTo(0, 12);
  });

  it('perceptron is the mean of (step(z) − y)·z: zero when right, |z| per mistake', () => {
    // z = [1.5, −0.5, 2, −3], targets [1, 1, 0, 0]: mistakes are z=−0.5 (said 0, is 1) and z=2 (said 1, is 0).
    expect(value('perceptron', [1.5, -0.5, 2, -3], [1, 1, 0, 0], [4, 1])).toBeCloseTo((0.5 + 2) / 4, 12);
    expect(value('perceptron', [1.5, -3], [1, 0], [2, 1])).toBe(0);
  });

  it('mse with its ½ factor halves the value and the gradient', () => {
    const out = [1.5, 0, 3, 0.25];
    const y = [1, 2, 2, 0];
    const mse = getLoss('mse')!;
    const half = withBackend(cpu64, () => mse.compute(tensor(out, [2, 2]), tensor(y, [2, 2]), { half: true }).item());
    expect(half).toBeCloseTo((0.5 * (0.25 + 4 + 1 + 0.0625)) / 4, 12);
    withBackend(cpu64, () => {
      const o = tensor(out, [2, 2]);
      o.requiresGrad = true;
      const target = tensor(y, [2, 2]);
      const result = gradCheck(() => mse.compute(o, target, { half: true }), [o]);
      expect(result.maxRelError).toBeLessThan(1e-6);
    });
  });

  it('kl_divergence is Σ y·log(y/p) with p = softmax: cross-entropy minus the targets’ entropy', () => {
    const logits = [2, 1, 0.1];
    const z = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
    const p = [Math.exp(2) / z, Math.exp(1) / z, Math.exp(0.1) / z];
    const y = [0.7, 0.3, 0];
    // Hand-computed: 0.7·ln(0.7/p0) + 0.3·ln(0.3/p1), the zero target contributes 0·log 0 = 0.
    const expected = 0.7 * Math.log(0.7 / p[0]) + 0.3 * Math.log(0.3 / p[1]);
    expect(value('kl_divergence', logits, y, [1, 3])).toBeCloseTo(expected, 10);
    // One-hot targets: identical to cross-entropy.
    expect(value('kl_divergence', logits, [1, 0, 0], [1, 3])).toBeCloseTo(value('cross_entropy', logits, [1, 0, 0], [1, 3]), 10);
    // A prediction equal to the target distribution costs nothing.
    const yExact = p.map((v) => v);
    expect(value('kl_divergence', logits, yExact, [1, 3])).toBeCloseTo(0, 10);
    // Soft targets pass the gradient check too.
    withBackend(cpu64, () => {
      const o = tensor([0.3, -1.2, 2, 0.5, 0.1, -0.4], [2, 3]);
      o.requiresGrad = true;
      const target = tensor([0.2, 0.5, 0.3, 0, 0.9, 0.1], [2, 3]);
      const result = gradCheck(() => getLoss('kl_divergence')!.compute(o, target), [o]);
      expect(result.maxRelError).toBeLessThan(1e-6);
    });
  });

  it('takes the loss’s settings from training.lossOptions, checked by their declaration', () => {
    const regression = (lossOptions: Record<string, unknown>) =>
      chain(
        [
          ['in', 'Input', { shape: [2] }],
          ['out', 'Dense', { units: 1 }],
        ],
        { dataset: 'cars', loss: 'mse', lossOptions: lossOptions as Record<string, boolean> },
      );
    const ok = validateGraph(regression({ half: true }));
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const halved = withBackend(cpu64, () => ok.validated.loss.compute(tensor([3], [1, 1]), tensor([1], [1, 1])).item());
    expect(halved).toBeCloseTo(2, 12); // ½·(3 − 1)²
    const bad = validateGraph(regression({ half: 'yes', quarter: true }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.field)).toEqual(['training.lossOptions.quarter', 'training.lossOptions.half']);
  });
});
