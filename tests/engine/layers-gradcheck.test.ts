// Every registered layer passes a numeric gradient check, for its inputs and every parameter.
import { describe, expect, it } from 'vitest';
import { cpu64 } from './setup';
import { withBackend } from '../../src-engine/core/backend';
import { tensor } from '../../src-engine/core/tensor';
import { gradCheck } from '../../src-engine/core/gradcheck';
import { Rng } from '../../src-engine/core/rng';
import { sizeOf } from '../../src-engine/core/shape';
import { validateParams } from '../../src-engine/core/params';
import { listLayers } from '../../src-engine/layers';
import { isInitializer } from '../../src-engine/init';

const layers = listLayers();

describe('gradient check of every registered layer', () => {
  it('covers every layer except Input with at least one case', () => {
    expect(layers.length).toBeGreaterThanOrEqual(15);
    for (const def of layers) {
      if (def.type !== 'Input') expect(def.gradCheck.length, def.type).toBeGreaterThan(0);
    }
  });

  for (const def of layers) {
    def.gradCheck.forEach((c, k) => {
      it(`${def.type} #${k} (${JSON.stringify(c.params)})`, () => {
        withBackend(cpu64, () => {
          const { values, errors } = validateParams(def.params, c.params, isInitializer);
          expect(errors).toEqual([]);
          const rng = new Rng(31 + k);
          const instance = def.build(c.inputShapes, values, {
            rng: rng.fork('init'),
            defaultInitializer: 'xavier_uniform',
            name: def.type.toLowerCase(),
          });
          // Batch of 3 samples; index inputs (embeddings) are constants.
          const inputs = c.inputShapes.map((shape) => {
            const full = [3, ...shape];
            const n = sizeOf(full);
            const data = Array.from({ length: n }, () => (c.integerInputs ? rng.int(c.integerInputs.max) : rng.uniform(-1, 1)));
            const t = tensor(data, full);
            t.requiresGrad = !c.integerInputs;
            return t;
          });
          // Non-zero biases so every parameter matters.
          for (const p of instance.params) {
            const v = p.dataSync();
            for (let i = 0; i < v.length; i++) v[i] += rng.uniform(-0.3, 0.3);
          }
          const expected = def.outputShape(c.inputShapes, values);
          const f = () => instance.forward(inputs, { training: c.training ?? false, rng: new Rng(5) });
          expect(f().shape).toEqual([3, ...expected]);
          const checked = [...inputs, ...instance.params];
          const result = gradCheck(f, checked);
          expect(result.errors.length).toBe(checked.filter((t) => t.requiresGrad).length);
          expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(1e-5);
        });
      });
    });
  }
});
