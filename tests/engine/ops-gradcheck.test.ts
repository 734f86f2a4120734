import { describe, expect, it } from 'vitest';
import { cpu64 } from './setup';
import { withBackend } from '../../src-engine/core/backend';
import { tensor } from '../../src-engine/core/tensor';
import { gradCheck } from '../../src-engine/core/gradcheck';
import { Rng } from '../../src-engine/core/rng';
import { sizeOf } from '../../src-engine/core/shape';
import { registeredOps } from '../../src-engine/ops';

const ops = registeredOps();

describe('gradient check of every registered op', () => {
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
          const result = gradCheck(() => c.run(inputs), inputs);
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(1e-6);
        });
      });
    });
  }
});
