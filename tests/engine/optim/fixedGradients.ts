// Helpers for optimizer tests: parameters with hand-set gradients, stepped under float64.
import { expect } from 'vitest';
import { withBackend } from '../../../src-engine/core/backend';
import { parameter, tensor, type Tensor } from '../../../src-engine/core/tensor';
import type { Optimizer } from '../../../src-engine/optim';
import { cpu64 } from '../setup';

export function param(values: number[], name = 'dense1.kernel'): Tensor {
  return parameter(values, [values.length], name);
}

export function setGrad(p: Tensor, values: number[]): void {
  p.grad = tensor(values, p.shape);
}

/** Runs one step per gradient row on a single param under cpu64; returns the values after each step. */
export function trajectory(opt: Optimizer, start: number[], grads: number[][], name?: string): number[][] {
  return withBackend(cpu64, () => {
    const p = param(start, name);
    return grads.map((g) => {
      setGrad(p, g);
      opt.step([p]);
      return p.toArray();
    });
  });
}

export function expectClose(actual: number[], expected: number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a, `element ${i} of [${actual.join(', ')}]`).toBeCloseTo(expected[i], digits));
}
