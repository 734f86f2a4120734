// The fused kernels around a conv layer's bias + relu against the kernels they replace, on the
// reference backends and the fast one, 1 vs 2 threads bit for bit:
// - Conv2DBiasRelu: the direct kernels' epilogue (8, 16, 24, 32 filters), padded and strided,
//   and filter counts left to Conv2D then BiasRelu;
// - BiasReluMaxPoolGrad: 2×2/2 windows on even and odd sizes (the one-pass kernel) and shapes
//   it leaves to the composite.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import type { Backend, FloatArray } from '../../../src-engine/core/backend';
import type { Padding, PoolAttrs } from '../../../src-engine/kernels/kernelNames';
import {
  expectClose,
  expectIdentical,
  expectSameOnOneAndTwoThreads,
  fast,
  randomInput,
  ref32,
  ref64,
  runOn,
  useThreads,
} from './fixtures';

interface Case {
  y: [number, number, number, number];
  attrs: PoolAttrs;
}

const pair = (n: number, h: number, w: number, c: number): Case => ({
  y: [n, h, w, c],
  attrs: { poolH: 2, poolW: 2, strideH: 2, strideW: 2, padding: 'valid' },
});

const CASES: Case[] = [
  pair(3, 6, 6, 8),
  pair(5, 11, 11, 16),
  pair(2, 5, 8, 4),
  pair(2, 6, 7, 12),
  pair(2, 4, 4, 6), // channels not a multiple of four: the composite
  { y: [2, 5, 5, 4], attrs: { poolH: 3, poolW: 3, strideH: 2, strideW: 2, padding: 'same' } },
];

/** y = relu(random) (a third of it zeros, so some windows are all zero), dy over the pooled shape. */
function inputs(rng: Rng, c: Case) {
  const y = randomInput(rng, c.y, -0.5, 1);
  y.values = Float32Array.from(y.values, (v) => Math.max(0, v));
  const [n, h, w, ch] = c.y;
  const oh = c.attrs.padding === 'same' ? Math.ceil(h / 2) : Math.floor(h / 2);
  const ow = c.attrs.padding === 'same' ? Math.ceil(w / 2) : Math.floor(w / 2);
  return { y, dy: randomInput(rng, [n, oh, ow, ch]) };
}

function fused(seed: number, c: Case, backend: Backend): FloatArray[] {
  const { y, dy } = inputs(new Rng(seed), c);
  return runOn(backend, 'BiasReluMaxPoolGrad', [dy, y], c.attrs);
}

/** MaxPoolGrad then BiasReluGrad: what the fused kernel replaces. */
function composite(seed: number, c: Case, backend: Backend): FloatArray[] {
  const { y, dy } = inputs(new Rng(seed), c);
  const [dx] = runOn(backend, 'MaxPoolGrad', [dy, y], c.attrs);
  return runOn(backend, 'BiasReluGrad', [{ shape: c.y, values: dx }, y], {});
}

describe('BiasReluMaxPoolGrad', () => {
  afterAll(() => useThreads(1));

  CASES.forEach((c, i) => {
    const label = `${c.y.join('×')}, pool ${c.attrs.poolH}×${c.attrs.poolW}/${c.attrs.strideH} ${c.attrs.padding}`;
    it(`case ${i} (${label}): dz equals the composite exactly, dbias matches the reference`, () => {
      const [dz, db] = fused(i, c, fast);
      const [wantDz, wantDb] = composite(i, c, ref32);
      expectIdentical(dz, wantDz, 'dz');
      expectClose(db, composite(i, c, ref64)[1], 1e-5, 'dbias');
      expectClose(db, wantDb, 1e-5, 'dbias float32');
      expect(db.some((v) => v !== 0)).toBe(true);
      // The fast composite, and the reference's own fused kernel, agree too.
      const [fastDz] = composite(i, c, fast);
      expectIdentical(dz, fastDz, 'fast composite dz');
      expectIdentical(fused(i, c, ref32)[0], wantDz, 'reference fused dz');
    });
  });

  it('is bit-identical with 1 and 2 threads', async () => {
    await expectSameOnOneAndTwoThreads(() => CASES.flatMap((c, i) => fused(30 + i, c, fast)));
  });
});

interface ConvCase {
  x: [number, number, number, number];
  w: [number, number, number, number];
  stride: [number, number];
  padding: Padding;
}

const CONV_CASES: ConvCase[] = [
  { x: [4, 12, 12, 1], w: [3, 3, 1, 8], stride: [1, 1], padding: 'valid' },
  { x: [3, 9, 9, 8], w: [3, 3, 8, 16], stride: [1, 1], padding: 'same' },
  { x: [2, 7, 8, 3], w: [2, 3, 3, 24], stride: [2, 1], padding: 'valid' },
  { x: [2, 6, 6, 4], w: [3, 3, 4, 32], stride: [1, 2], padding: [1, 2] },
  { x: [2, 6, 6, 2], w: [3, 3, 2, 6], stride: [1, 1], padding: 'valid' }, // not a multiple of 8: the composite
];

function convInputs(seed: number, c: ConvCase) {
  const rng = new Rng(seed);
  const attrs = { strideH: c.stride[0], strideW: c.stride[1], padding: c.padding };
  return { attrs, x: randomInput(rng, c.x), w: randomInput(rng, c.w), b: randomInput(rng, [c.w[3]], -0.3, 0.3) };
}

const convBiasRelu = (seed: number, c: ConvCase, backend: Backend): FloatArray => {
  const { attrs, x, w, b } = convInputs(seed, c);
  return runOn(backend, 'Conv2DBiasRelu', [x, w, b], attrs)[0];
};

/** Conv2D then BiasRelu: what the fused kernel replaces. */
function convThenBiasRelu(seed: number, c: ConvCase, backend: Backend): FloatArray {
  const { attrs, x, w, b } = convInputs(seed, c);
  const [z] = runOn(backend, 'Conv2D', [x, w], attrs);
  return runOn(backend, 'BiasRelu', [{ shape: [z.length / c.w[3], c.w[3]], values: z }, b], {})[0];
}

describe('Conv2DBiasRelu', () => {
  afterAll(() => useThreads(1));

  CONV_CASES.forEach((c, i) => {
    it(`case ${i} (${c.x.join('×')}, filters ${c.w.join('×')}): equals Conv2D then BiasRelu exactly, and the reference`, () => {
      const y = convBiasRelu(i, c, fast);
      expectIdentical(y, convThenBiasRelu(i, c, fast), 'fast composite');
      expectClose(y, convThenBiasRelu(i, c, ref64), 1e-5, 'reference');
      expectIdentical(convBiasRelu(i, c, ref32), convThenBiasRelu(i, c, ref32), 'reference fused');
      expect(y.some((v) => v === 0) && y.some((v) => v > 0)).toBe(true);
    });
  });

  it('is bit-identical with 1 and 2 threads', async () => {
    await expectSameOnOneAndTwoThreads(() => CONV_CASES.map((c, i) => convBiasRelu(60 + i, c, fast)));
  });
});
