// In-place SIMD optimizer updates against the reference rules, lengths not multiples of four,
// several steps, 1 vs 2 threads; storage from another backend goes to the reference kernel.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { getKernel } from '../../../src-engine/kernels/registry';
import type { KernelAttrs, KernelName } from '../../../src-engine/kernels/kernelNames';
import type { Backend } from '../../../src-engine/core/backend';
import { FAST_CPU } from '../../../src-engine/kernels/wasm';
import { expectClose, expectIdentical, fast, randomInput, ref64, useThreads } from './fixtures';

/** Runs `steps` updates with fresh gradients each step; returns param and state values. */
function optimize<K extends KernelName>(
  backend: Backend,
  name: K,
  stateCount: number,
  attrs: (step: number) => KernelAttrs[K],
  steps = 3,
  size = 37,
): Float64Array[] {
  const rng = new Rng(9);
  const param = { shape: [size], data: backend.upload(randomInput(rng, [size]).values, size) };
  const state = Array.from({ length: stateCount }, () => ({ shape: [size], data: backend.zeros(size) }));
  for (let step = 1; step <= steps; step++) {
    const grad = { shape: [size], data: backend.upload(randomInput(rng, [size]).values, size) };
    getKernel(backend.name, name)(backend, [param, grad, ...state], attrs(step));
  }
  return [param, ...state].map((t) => Float64Array.from(backend.hostView(t.data)!));
}

describe('fast optimizer updates', () => {
  afterAll(() => useThreads(1));

  const rules: Array<[string, () => (b: Backend) => Float64Array[]]> = [
    ['ApplySgd', () => (b) => optimize(b, 'ApplySgd', 0, () => ({ lr: 0.1 }))],
    ['ApplyMomentum', () => (b) => optimize(b, 'ApplyMomentum', 1, () => ({ lr: 0.05, momentum: 0.9, nesterov: false }))],
    [
      'ApplyMomentum (Nesterov)',
      () => (b) => optimize(b, 'ApplyMomentum', 1, () => ({ lr: 0.05, momentum: 0.9, nesterov: true })),
    ],
    [
      'ApplyAdam',
      () => (b) =>
        optimize(b, 'ApplyAdam', 2, (step) => ({ lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-7, step, weightDecay: 0 })),
    ],
    [
      'ApplyAdam (AdamW decay)',
      () => (b) =>
        optimize(b, 'ApplyAdam', 2, (step) => ({ lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-8, step, weightDecay: 0.1 })),
    ],
  ];

  for (const [name, make] of rules) {
    it(`${name} follows the reference rule over three steps`, () => {
      const run = make();
      const got = run(fast);
      const want = run(ref64);
      got.forEach((g, i) => expectClose(g, want[i], 2e-6, `${name} tensor ${i}`));
    });
  }

  it('ScaleInPlace scales the gradient where it lies', () => {
    const values = randomInput(new Rng(2), [13]).values;
    const x = { shape: [13], data: fast.upload(values, 13) };
    getKernel(FAST_CPU, 'ScaleInPlace')(fast, [x], { factor: 0.25 });
    expectIdentical(
      fast.hostView(x.data)!,
      Float32Array.from(values, (v) => v * 0.25),
    );
  });

  it('updates a parameter held by another backend through the reference kernel', () => {
    const p = { shape: [3], data: new Float32Array([1, 2, 3]) };
    const g = { shape: [3], data: new Float32Array([1, 1, 1]) };
    getKernel(FAST_CPU, 'ApplySgd')(fast, [p, g], { lr: 0.5 });
    expect(Array.from(p.data)).toEqual([0.5, 1.5, 2.5]);
  });

  it('is bit-identical with 1 and 2 threads', async () => {
    const run = () => rules.flatMap(([, make]) => make()(fast));
    await useThreads(1);
    const single = run();
    await useThreads(2);
    const double = run();
    single.forEach((s, i) => expectIdentical(double[i], s, `tensor ${i}`));
  });
});
