// The fused LSTM/GRU passes (one op per sequence, fused step kernels) compute the same outputs
// and gradients as the composite cells (ordinary ops per step): float64 to 1e-10, and the fast
// backend's float32 run to 1e-5 of the float64 composite. Their numeric gradient check runs in
// layers-gradcheck.test.ts (the CPU backend takes the fused path).
import { afterEach, describe, expect, it } from 'vitest';
import { fast, ref64 } from './kernels/fixtures';
import { withBackend, type Backend } from '../../src-engine/core/backend';
import { tensor, type Tensor } from '../../src-engine/core/tensor';
import { backward } from '../../src-engine/core/autograd';
import { Rng } from '../../src-engine/core/rng';
import { validateParams } from '../../src-engine/core/params';
import { getLayer } from '../../src-engine/layers';
import { isInitializer } from '../../src-engine/init';
import { mul, sum } from '../../src-engine/ops';
import { setFusedRecurrence } from '../../src-engine/layers/recurrent/fusedSteps';

interface Run {
  /** The op that made the output: 'lstm'/'gru' for the fused pass. */
  op: string | undefined;
  output: number[];
  grads: number[][];
}

const [N, STEPS, FEATURES] = [3, 6, 4];

/** Builds the layer with fixed weights, runs a weighted sum of its output backwards, returns all. */
function run(backend: Backend, type: string, params: Record<string, unknown>, fused: boolean): Run {
  setFusedRecurrence(fused);
  return withBackend(backend, () => {
    const def = getLayer(type)!;
    const { values, errors } = validateParams(def.params, params, isInitializer);
    expect(errors).toEqual([]);
    const rng = new Rng(7);
    const instance = def.build([[STEPS, FEATURES]], values, {
      rng: rng.fork('init'),
      defaultInitializer: 'xavier_uniform',
      name: 'rnn',
    });
    for (const p of instance.params) {
      const v = p.dataSync();
      for (let i = 0; i < v.length; i++) v[i] += rng.uniform(-0.3, 0.3);
    }
    const x = tensor(
      Array.from({ length: N * STEPS * FEATURES }, () => rng.uniform(-1.5, 1.5)),
      [N, STEPS, FEATURES],
    );
    x.requiresGrad = true;
    const out = instance.forward([x], { training: true, rng: new Rng(1) });
    const weights = tensor(
      Array.from({ length: out.size }, () => rng.uniform(-1, 1)),
      out.shape,
    );
    const loss = sum(mul(out, weights));
    const leaves = backward(loss, tensor([1], []));
    const checked: Tensor[] = [x, ...instance.params];
    return { op: out.node?.op, output: out.toArray(), grads: checked.map((t) => Array.from(leaves.get(t)?.dataSync() ?? [])) };
  });
}

function maxDiff(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const CASES: Array<[string, Record<string, unknown>]> = [
  ['LSTM', { units: 5 }],
  ['LSTM', { units: 4, returnSequences: true }],
  ['LSTM', { units: 3, initialState: 'learned', unitForgetBias: false }],
  ['LSTM', { units: 4, useBias: false, returnSequences: true, initialState: 'learned' }],
  ['GRU', { units: 5 }],
  ['GRU', { units: 4, returnSequences: true }],
  ['GRU', { units: 3, initialState: 'learned' }],
  ['GRU', { units: 4, useBias: false, returnSequences: true, initialState: 'learned' }],
];

afterEach(() => setFusedRecurrence(true));

describe('fused recurrent layers match the composite cells', () => {
  for (const [type, params] of CASES) {
    it(`${type} ${JSON.stringify(params)}: float64, fused vs composite`, () => {
      const composite = run(ref64, type, params, false);
      const fused = run(ref64, type, params, true);
      expect(fused.op).toBe(type.toLowerCase());
      expect(composite.op).not.toBe(type.toLowerCase());
      expect(maxDiff(fused.output, composite.output)).toBeLessThan(1e-10);
      expect(fused.grads.length).toBe(composite.grads.length);
      fused.grads.forEach((g, k) => {
        expect(g.length, `gradient ${k}`).toBeGreaterThan(0);
        expect(maxDiff(g, composite.grads[k]), `gradient ${k}`).toBeLessThan(1e-10);
      });
    });
    it(`${type} ${JSON.stringify(params)}: fast float32 fused vs float64 composite`, () => {
      const composite = run(ref64, type, params, false);
      const fused = run(fast, type, params, true);
      expect(maxDiff(fused.output, composite.output)).toBeLessThan(1e-5);
      fused.grads.forEach((g, k) => expect(maxDiff(g, composite.grads[k]), `gradient ${k}`).toBeLessThan(1e-5));
    });
  }
});
