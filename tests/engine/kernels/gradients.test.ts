// Gradient checks on the fast backend, with 1 and 2 threads: every registered op and layer gives
// the outputs and gradients of the float64 reference (itself checked against central
// differences in ops-gradcheck and layers-gradcheck), and every op passes a float32
// central-difference check of its own.
import { afterAll, describe, expect, it } from 'vitest';
import { withBackend, type Backend } from '../../../src-engine/core/backend';
import { tensor, type Tensor } from '../../../src-engine/core/tensor';
import { backward } from '../../../src-engine/core/autograd';
import { gradCheck } from '../../../src-engine/core/gradcheck';
import { Rng } from '../../../src-engine/core/rng';
import { sizeOf } from '../../../src-engine/core/shape';
import { validateParams } from '../../../src-engine/core/params';
import { registeredOps } from '../../../src-engine/ops';
import { listLayers } from '../../../src-engine/layers';
import { isInitializer } from '../../../src-engine/init';
import type { GradCheckCase } from '../../../src-engine/ops/opRegistry';
import { expectClose, fast, ref64, useThreads } from './fixtures';

/** Inputs drawn as in ops-gradcheck, rounded to float32 so both backends see the same values. */
function opInputs(c: GradCheckCase, seed: number): Array<{ shape: number[]; values: Float32Array; constant: boolean }> {
  const rng = new Rng(seed);
  const random = () => rng.next();
  return c.inputs.map((shape, k) => {
    const n = sizeOf(shape);
    const custom = c.sample?.(k, n, random);
    const values = custom ?? Array.from({ length: n }, () => (c.positive ? rng.uniform(0.5, 2) : rng.uniform(-1, 1)));
    return { shape, values: Float32Array.from(values), constant: (c.constants ?? []).includes(k) };
  });
}

/** Output and input gradients (seeded with fixed weights) of one op case on `backend`. */
function opGradients(backend: Backend, c: GradCheckCase, seed: number): Float64Array[] {
  return withBackend(backend, () => {
    const inputs = opInputs(c, seed).map(({ shape, values, constant }) => {
      const t = tensor(values, shape);
      t.requiresGrad = !constant;
      return t;
    });
    const out = c.run(inputs);
    const weights = tensor(
      Float32Array.from({ length: out.size }, (_, i) => Math.sin(i + 1)),
      out.shape,
    );
    backward(out, weights);
    return [out, ...inputs.filter((t) => t.requiresGrad).map((t) => t.grad ?? tensor(new Float32Array(t.size), t.shape))].map(
      (t) => Float64Array.from(t.dataSync()),
    );
  });
}

const ops = registeredOps();
const layers = listLayers();

for (const threads of [1, 2]) {
  describe(`fast backend gradients, ${threads} thread${threads > 1 ? 's' : ''}`, () => {
    afterAll(() => useThreads(1));

    it('switches threads', async () => {
      await useThreads(threads);
      expect(ops.length).toBeGreaterThan(20);
    });

    for (const op of ops) {
      op.cases.forEach((c, k) => {
        it(`op ${op.name} #${k} matches the float64 reference`, () => {
          const got = opGradients(fast, c, 200 + k);
          const want = opGradients(ref64, c, 200 + k);
          got.forEach((g, i) => expectClose(g, want[i], 1e-5, i === 0 ? 'output' : `gradient ${i - 1}`));
        });
      });
    }

    for (const def of layers) {
      def.gradCheck.forEach((c, k) => {
        it(`layer ${def.type} #${k} matches the float64 reference`, () => {
          const [got, want] = [fast, ref64].map((backend) => layerGradients(backend, def.type, c, k));
          got.forEach((g, i) => expectClose(g, want[i], 1e-4, i === 0 ? 'output' : `gradient ${i - 1}`));
        });
      });
    }
  });
}

describe('float32 central differences on the fast backend', () => {
  for (const op of ops) {
    op.cases.forEach((c, k) => {
      it(`op ${op.name} #${k}`, () => {
        withBackend(fast, () => {
          const inputs = opInputs(c, 300 + k).map(({ shape, values, constant }) => {
            const t = tensor(values, shape);
            t.requiresGrad = !constant;
            return t;
          });
          const result = gradCheck(() => c.run(inputs), inputs, { epsilon: 1e-3 });
          expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(2e-2);
        });
      });
    });
  }
});

/** Output, input gradients and parameter gradients of a layer case; parameters are shared via float32 values. */
function layerGradients(
  backend: Backend,
  type: string,
  c: (typeof layers)[number]['gradCheck'][number],
  k: number,
): Float64Array[] {
  const def = layers.find((l) => l.type === type)!;
  return withBackend(backend, () => {
    const { values } = validateParams(def.params, c.params, isInitializer);
    const rng = new Rng(31 + k);
    const instance = def.build(c.inputShapes, values, {
      rng: rng.fork('init'),
      defaultInitializer: 'xavier_uniform',
      name: type.toLowerCase(),
    });
    const inputs: Tensor[] = c.inputShapes.map((shape) => {
      const full = [3, ...shape];
      const data = Float32Array.from({ length: sizeOf(full) }, () =>
        c.integerInputs ? rng.int(c.integerInputs.max) : rng.uniform(-1, 1),
      );
      const t = tensor(data, full);
      t.requiresGrad = !c.integerInputs;
      return t;
    });
    for (const p of instance.params) {
      const v = p.dataSync();
      for (let i = 0; i < v.length; i++) v[i] = Math.fround(v[i] + rng.uniform(-0.3, 0.3));
    }
    const out = instance.forward(inputs, { training: c.training ?? false, rng: new Rng(5) });
    const weights = tensor(
      Float32Array.from({ length: out.size }, (_, i) => Math.cos(i)),
      out.shape,
    );
    backward(out, weights);
    const checked = [...inputs, ...instance.params].filter((t) => t.requiresGrad);
    return [out, ...checked.map((t) => t.grad ?? tensor(new Float32Array(t.size), t.shape))].map((t) =>
      Float64Array.from(t.dataSync()),
    );
  });
}
