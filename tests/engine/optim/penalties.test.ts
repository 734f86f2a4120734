import { describe, expect, it } from 'vitest';
import { cpu64 } from '../setup';
import { withBackend } from '../../../src-engine/core/backend';
import { tensor } from '../../../src-engine/core/tensor';
import { createOptimizer, isPenaltyExempt } from '../../../src-engine/optim';
import { expectClose, param, trajectory } from './fixedGradients';

const start = [1, -2];
const g = [0.5, -1];

describe('L1 / L2 penalties', () => {
  it('L2 adds l2·p to the gradient (gradient of ½·l2·‖p‖²)', () => {
    // g' = [0.5 + 0.5·1, −1 + 0.5·(−2)] = [1, −2];  p = [1 − 0.1, −2 + 0.2]
    const [p1] = trajectory(createOptimizer({ name: 'sgd', lr: 0.1, l2: 0.5 }), start, [g]);
    expectClose(p1, [0.9, -1.8]);
  });

  it('L1 adds l1·sign(p) to the gradient', () => {
    // g' = [0.5 + 0.3, −1 − 0.3] = [0.8, −1.3];  p = [1 − 0.08, −2 + 0.13]
    const [p1] = trajectory(createOptimizer({ name: 'sgd', lr: 0.1, l1: 0.3 }), start, [g]);
    expectClose(p1, [0.92, -1.87]);
  });

  it('L1 and L2 add up', () => {
    const [p1] = trajectory(createOptimizer({ name: 'sgd', lr: 0.1, l1: 0.3, l2: 0.5 }), start, [g]);
    expectClose(p1, [1 - 0.1 * (0.5 + 0.3 + 0.5), -2 - 0.1 * (-1 - 0.3 - 1)]);
  });

  it('weightDecay on a non-AdamW optimizer is coupled L2 and adds to l2', () => {
    const [p1] = trajectory(createOptimizer({ name: 'sgd', lr: 0.1, l2: 0.2, weightDecay: 0.3 }), start, [g]);
    expectClose(p1, [0.9, -1.8]);
  });

  for (const name of ['dense1.bias', 'bn1.gamma', 'bn1.beta']) {
    it(`leaves ${name} alone`, () => {
      const [p1] = trajectory(createOptimizer({ name: 'sgd', lr: 0.1, l1: 0.3, l2: 0.5 }), start, [g], name);
      expectClose(p1, [0.95, -1.9]);
    });
  }

  it('exempts only those suffixes', () => {
    expect(isPenaltyExempt(withBackend(cpu64, () => param([1], 'dense1.kernel')))).toBe(false);
    expect(isPenaltyExempt(withBackend(cpu64, () => param([1], 'biased.kernel')))).toBe(false);
    expect(isPenaltyExempt(withBackend(cpu64, () => param([1], 'conv2.bias')))).toBe(true);
  });

  it('does not leak a penalty through a gradient tensor two params share', () => {
    withBackend(cpu64, () => {
      // The tape gives both inputs of `a + b` the very same gradient tensor.
      const shared = tensor([0.5, -1]);
      const kernel = param([1, -2], 'dense1.kernel');
      const bias = param([1, -2], 'dense1.bias');
      kernel.grad = shared;
      bias.grad = shared;
      createOptimizer({ name: 'sgd', lr: 0.1, l2: 0.5 }).step([kernel, bias]);
      expectClose(kernel.toArray(), [0.9, -1.8]);
      expectClose(bias.toArray(), [0.95, -1.9]);
    });
  });
});
