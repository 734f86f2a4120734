// Layers that behave differently in training and evaluation, and the gradient check itself.
import { describe, expect, it } from 'vitest';
import { cpu64 } from './setup';
import { withBackend } from '../../src-engine/core/backend';
import { tensor, parameter } from '../../src-engine/core/tensor';
import { record } from '../../src-engine/core/autograd';
import { gradCheck } from '../../src-engine/core/gradcheck';
import { Rng } from '../../src-engine/core/rng';
import { getLayer } from '../../src-engine/layers';
import { validateParams } from '../../src-engine/core/params';
import { mul, runKernel } from '../../src-engine/ops';

function build(type: string, inputShape: number[], params: Record<string, unknown>) {
  const def = getLayer(type)!;
  const { values } = validateParams(def.params, params);
  return def.build([inputShape], values, { rng: new Rng(1), defaultInitializer: 'xavier_uniform', name: type });
}

describe('dropout', () => {
  const layer = build('Dropout', [1000], { rate: 0.4 });
  const x = tensor(new Float32Array(1000).fill(1), [1, 1000]);

  it('is the identity in evaluation', () => {
    expect(layer.forward([x], { training: false, rng: new Rng(2) }).toArray()).toEqual(Array(1000).fill(1));
  });

  it('drops about `rate` of the values in training and scales survivors by 1/(1−rate)', () => {
    const y = layer.forward([x], { training: true, rng: new Rng(2) }).toArray();
    const dropped = y.filter((v) => v === 0).length;
    expect(dropped / 1000).toBeGreaterThan(0.34);
    expect(dropped / 1000).toBeLessThan(0.46);
    for (const v of y) if (v !== 0) expect(v).toBeCloseTo(1 / 0.6, 5);
  });
});

describe('batch normalization', () => {
  it('normalizes with batch statistics in training and running statistics in evaluation', () => {
    const bn = build('BatchNorm', [2], { momentum: 0.5 });
    const x = tensor([1, 10, 3, 20, 5, 30], [3, 2]);
    const y = bn.forward([x], { training: true, rng: new Rng(0) }).toArray();
    // Per feature: mean 0, variance 1 (biased) after normalization.
    const col0 = [y[0], y[2], y[4]];
    expect(col0.reduce((a, b) => a + b) / 3).toBeCloseTo(0, 5);
    expect(col0.reduce((a, b) => a + b * b, 0) / 3).toBeCloseTo(1, 3);
    // Running mean: 0.5·0 + 0.5·[3, 20]; running var: 0.5·1 + 0.5·unbiased var [4, 100].
    const [runningMean, runningVar] = bn.state!;
    expect(runningMean.toArray()).toEqual([1.5, 10]);
    expect(runningVar.toArray()[0]).toBeCloseTo(2.5, 5);
    expect(runningVar.toArray()[1]).toBeCloseTo(50.5, 4);
    const evalOut = bn.forward([tensor([1.5, 10], [1, 2])], { training: false, rng: new Rng(0) }).toArray();
    expect(evalOut[0]).toBeCloseTo(0, 5);
    expect(evalOut[1]).toBeCloseTo(0, 5);
  });
});

describe('the gradient check', () => {
  it('catches a wrong derivative', () => {
    withBackend(cpu64, () => {
      const x = parameter([0.3, -0.7, 1.1], [3], 'x');
      // An op claiming d(x²)/dx = x instead of 2x.
      const badSquare = () => record(runKernel('Square', [x], {}), 'badSquare', [x], (dy) => [mul(dy, x)]);
      expect(gradCheck(badSquare, [x]).maxRelError).toBeGreaterThan(0.1);
      const goodSquare = () =>
        record(runKernel('Square', [x], {}), 'square', [x], (dy) => [mul(dy, runKernel('Affine', [x], { scale: 2, shift: 0 }))]);
      expect(gradCheck(goodSquare, [x]).maxRelError).toBeLessThan(1e-8);
    });
  });
});
