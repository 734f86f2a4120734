import { describe, expect, it } from 'vitest';
import { cpu64 } from '../setup';
import { withBackend } from '../../../src-engine/core/backend';
import { tensor } from '../../../src-engine/core/tensor';
import { createOptimizer, globalGradNorm } from '../../../src-engine/optim';
import { expectClose, param, setGrad } from './fixedGradients';

/** Two params whose gradients [3, 4] and [12] have a joint norm of exactly 13. */
function twoParams() {
  const a = param([1, 1], 'dense1.kernel');
  const b = param([1], 'dense2.kernel');
  setGrad(a, [3, 4]);
  setGrad(b, [12]);
  return [a, b];
}

describe('gradient clipping by global norm', () => {
  it('globalGradNorm is the length of all gradients as one vector, skipping null grads', () => {
    withBackend(cpu64, () => {
      const params = twoParams();
      expect(globalGradNorm(params)).toBeCloseTo(13, 12);
      expect(globalGradNorm([...params, param([5, 5])])).toBeCloseTo(13, 12);
      expect(globalGradNorm([])).toBe(0);
    });
  });

  it('scales every gradient by clipNorm/norm so the joint norm equals clipNorm', () => {
    withBackend(cpu64, () => {
      const [a, b] = twoParams();
      createOptimizer({ name: 'sgd', lr: 1, clipNorm: 6.5 }).step([a, b]);
      // factor 6.5/13 = 0.5: grads [1.5, 2] and [6]
      expectClose(a.grad!.toArray(), [1.5, 2]);
      expectClose(b.grad!.toArray(), [6]);
      expect(globalGradNorm([a, b])).toBeCloseTo(6.5, 12);
      expectClose(a.toArray(), [1 - 1.5, 1 - 2]);
      expectClose(b.toArray(), [1 - 6]);
    });
  });

  it('leaves gradients alone below the threshold', () => {
    withBackend(cpu64, () => {
      const [a, b] = twoParams();
      createOptimizer({ name: 'sgd', lr: 1, clipNorm: 13.5 }).step([a, b]);
      expectClose(a.toArray(), [1 - 3, 1 - 4]);
      expectClose(b.toArray(), [1 - 12]);
    });
  });

  it('clips after the penalties are added', () => {
    withBackend(cpu64, () => {
      const p = param([2]);
      p.grad = tensor([0]);
      // g' = 0 + 1·2 = 2, then clipped to 0.5
      createOptimizer({ name: 'sgd', lr: 1, l2: 1, clipNorm: 0.5 }).step([p]);
      expectClose(p.toArray(), [1.5]);
    });
  });

  it('scales a gradient shared by two params once, not twice', () => {
    withBackend(cpu64, () => {
      const shared = tensor([3, 4]);
      const a = param([0, 0], 'a.kernel');
      const b = param([0, 0], 'b.kernel');
      a.grad = shared;
      b.grad = shared;
      // joint norm √(25 + 25) = √50, factor 5/√50 = 1/√2 → each grad becomes [3, 4]/√2
      createOptimizer({ name: 'sgd', lr: 1, clipNorm: 5 }).step([a, b]);
      expectClose(a.toArray(), [-3 / Math.SQRT2, -4 / Math.SQRT2]);
      expectClose(b.toArray(), [-3 / Math.SQRT2, -4 / Math.SQRT2]);
    });
  });
});
