import { describe, expect, it } from 'vitest';
import { cpu64 } from './setup';
import { withBackend } from '../../src-engine/core/backend';
import { tensor, type Tensor } from '../../src-engine/core/tensor';
import { backward, noGrad } from '../../src-engine/core/autograd';
import { gradCheck } from '../../src-engine/core/gradcheck';
import { Rng } from '../../src-engine/core/rng';
import { sizeOf } from '../../src-engine/core/shape';
import { registeredOps, sum } from '../../src-engine/ops';

const ops = registeredOps();

/**
 * For an op that says it has no useful gradient (the step): backprop gives exactly 0 for every
 * input, the central difference is 0 too away from the jump, and across the jump it is
 * 1/(2h): an impulse, not a slope to follow. So the two "agree" only where they say nothing.
 */
function expectNoUsefulGradient(run: (inputs: Tensor[]) => Tensor, x: Tensor): void {
  const values = x.dataSync();
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]) < 0.1) values[i] = 0.1 * Math.sign(values[i] || 1);
  x.grad = null;
  const total = sum(run([x]));
  backward(total, tensor([1], total.shape));
  expect(Array.from(x.grad!.dataSync())).toEqual(new Array(values.length).fill(0));
  const h = 1e-3;
  const centralDifference = (at: number) => {
    const probe = tensor([at - h, at + h], [2]);
    const [below, above] = noGrad(() => run([probe])).toArray();
    return (above - below) / (2 * h);
  };
  expect(centralDifference(0.5)).toBe(0);
  expect(centralDifference(-0.5)).toBe(0);
  expect(centralDifference(0)).toBeCloseTo(1 / (2 * h), 6);
}

describe('gradient check of every registered op', () => {
  it('names the ops without a useful gradient: only the step', () => {
    expect(ops.filter((op) => op.noUsefulGradient).map((op) => op.name)).toEqual(['step']);
  });

  it('has registered ops, each with at least one case', () => {
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) expect(op.cases.length, op.name).toBeGreaterThan(0);
  });

  for (const op of ops) {
    op.cases.forEach((c, caseIndex) => {
      it(`${op.name} #${caseIndex} matches central differences`, () => {
        withBackend(cpu64, () => {
          const rng = new Rng(100 + caseIndex);
          const random = () => rng.next();
          const inputs = c.inputs.map((shape, k) => {
            const n = sizeOf(shape);
            const custom = c.sample?.(k, n, random);
            const values = custom ?? Array.from({ length: n }, () => (c.positive ? rng.uniform(0.5, 2) : rng.uniform(-1, 1)));
            const t = tensor(values, shape);
            t.requiresGrad = !(c.constants ?? []).includes(k);
            return t;
          });
          if (op.noUsefulGradient) {
            expectNoUsefulGradient(c.run, inputs[0]);
            return;
          }
          const result = gradCheck(() => c.run(inputs), inputs);
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(1e-6);
        });
      });
    });
  }
});
