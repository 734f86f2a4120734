// The fused backward of maxPool(relu(z + bias)) against the two kernels it replaces, on the
// reference backends and the fast one: 2×2/2 windows on even and odd sizes (the one-pass kernel)
// and shapes it leaves to the composite; 1 vs 2 threads bit for bit.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import type { Backend, FloatArray } from '../../../src-engine/core/backend';
import type { PoolAttrs } from '../../../src-engine/kernels/kernelNames';
import { expectClose, expectIdentical, fast, helperChunks, randomInput, ref32, ref64, runOn, useThreads } from './fixtures';

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
    const run = () => CASES.flatMap((c, i) => fused(30 + i, c, fast));
    await useThreads(1);
    const single = run();
    await useThreads(2);
    const before = helperChunks();
    const double = run();
    expect(helperChunks()).toBeGreaterThan(before);
    single.forEach((s, i) => expectIdentical(double[i], s, `output ${i}`));
  });
});
