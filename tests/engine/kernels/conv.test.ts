// Direct and im2col + GEMM convolution and SIMD max pooling against the reference kernels: strides,
// padding, channel counts that are not multiples of four, relaxed-SIMD FMA and its mul+add
// fallback, and 1 vs 2 threads (bit-identical).
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { convGeometry } from '../../../src-engine/kernels/convGeometry';
import { withBackend } from '../../../src-engine/core/backend';
import { tensor } from '../../../src-engine/core/tensor';
import { gradCheck } from '../../../src-engine/core/gradcheck';
import { sizeOf } from '../../../src-engine/core/shape';
import { conv2d, maxPool2d } from '../../../src-engine/ops';
import { FastCpuBackend } from '../../../src-engine/kernels/wasm';
import { WasmRuntime } from '../../../src-engine/kernels/wasm/runtime';
import type { Padding } from '../../../src-engine/kernels/kernelNames';
import {
  expectClose,
  expectIdentical,
  expectSameOnOneAndTwoThreads,
  fast,
  randomInput,
  ref32,
  ref64,
  runOn,
  runtime,
  useThreads,
  type Input,
} from './fixtures';

interface ConvCase {
  x: number[]; // [n, h, w, c]
  k: [number, number];
  f: number;
  stride: [number, number];
  padding: Padding;
}

const CONV_CASES: ConvCase[] = [
  { x: [2, 7, 7, 1], k: [3, 3], f: 8, stride: [1, 1], padding: 'valid' },
  { x: [3, 6, 5, 3], k: [3, 2], f: 5, stride: [2, 1], padding: 'same' },
  { x: [1, 9, 9, 8], k: [3, 3], f: 16, stride: [2, 2], padding: 'same' },
  { x: [2, 5, 8, 5], k: [1, 1], f: 3, stride: [1, 1], padding: 'valid' },
  { x: [1, 4, 4, 2], k: [4, 4], f: 1, stride: [1, 1], padding: 'same' },
  { x: [2, 10, 6, 4], k: [5, 3], f: 9, stride: [3, 2], padding: 'valid' },
  // Few filters take the direct kernels: the benchmark CNN's second layer, padded and strided
  // variants, filter counts that need several passes of 8 or 16, window rows that do not
  // split evenly into the filter gradient's units, and dx through the flipped filters.
  { x: [2, 8, 7, 8], k: [3, 3], f: 16, stride: [1, 1], padding: 'valid' },
  { x: [3, 6, 6, 16], k: [3, 3], f: 8, stride: [1, 1], padding: 'same' },
  { x: [2, 6, 5, 5], k: [2, 3], f: 24, stride: [1, 2], padding: [1, 1] },
  { x: [1, 7, 6, 3], k: [3, 3], f: 32, stride: [2, 1], padding: 'same' },
  { x: [2, 5, 6, 8], k: [3, 3], f: 8, stride: [1, 1], padding: [2, 1] },
  { x: [8, 14, 14, 8], k: [3, 3], f: 16, stride: [1, 1], padding: 'valid' },
  // The filter gradient's blocks of positions, starting mid-image and mid-row (the first
  // layer's single channel; a padded layer).
  { x: [9, 13, 13, 1], k: [3, 3], f: 8, stride: [1, 1], padding: 'valid' },
  { x: [5, 16, 15, 4], k: [3, 3], f: 16, stride: [1, 1], padding: 'same' },
];

function convInputs(rng: Rng, c: ConvCase) {
  const attrs = { strideH: c.stride[0], strideW: c.stride[1], padding: c.padding };
  const w = randomInput(rng, [c.k[0], c.k[1], c.x[3], c.f]);
  const x = randomInput(rng, c.x);
  const g = convGeometry(c.x, c.k[0], c.k[1], c.stride[0], c.stride[1], c.padding);
  const dy = randomInput(rng, [g.n, g.oh, g.ow, c.f]);
  return { attrs, x, w, dy };
}

const fallbackRuntime = WasmRuntime.tryCreate({ fma: false });
if (!fallbackRuntime) throw new Error('the fast CPU backend needs WebAssembly SIMD and shared memory');
/** The same kernels built without relaxed SIMD, as on runtimes that lack it. */
const fallback = new FastCpuBackend(fallbackRuntime);

function runConvCase(rng: Rng, c: ConvCase, backend: typeof fast | typeof ref64 | typeof fallback) {
  const { attrs, x, w, dy } = convInputs(rng, c);
  return [
    runOn(backend, 'Conv2D', [x, w], attrs)[0],
    runOn(backend, 'Conv2DBackpropInput', [dy, w], { ...attrs, inputShape: c.x })[0],
    runOn(backend, 'Conv2DBackpropFilter', [x, dy], { ...attrs, filterShape: w.shape })[0],
  ];
}

interface PoolCase {
  x: number[];
  pool: [number, number];
  stride: [number, number];
  padding: Padding;
}

const POOL_CASES: PoolCase[] = [
  { x: [2, 6, 6, 8], pool: [2, 2], stride: [2, 2], padding: 'valid' },
  { x: [1, 5, 5, 3], pool: [3, 3], stride: [2, 2], padding: 'same' },
  { x: [2, 7, 5, 6], pool: [2, 3], stride: [1, 2], padding: 'valid' },
  { x: [1, 4, 4, 1], pool: [3, 3], stride: [1, 1], padding: 'same' },
  // The 2×2, stride-2 kernels: even sizes, an odd width and height (a last row and column no
  // window covers), 'same' padding on even sizes, and enough rows to split across threads.
  { x: [2, 7, 9, 4], pool: [2, 2], stride: [2, 2], padding: 'valid' },
  { x: [1, 6, 8, 12], pool: [2, 2], stride: [2, 2], padding: 'same' },
  { x: [16, 26, 26, 8], pool: [2, 2], stride: [2, 2], padding: 'valid' },
];

/** Values on a coarse grid, so windows often hold ties (the first maximum must win). */
function tiedInput(rng: Rng, shape: number[]): Input {
  const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => Math.floor(rng.uniform(0, 4)) - 2);
  return { shape, values };
}

/** Frees NaN-filled blocks of `floats`, so outputs that size are allocated over them: a cell a kernel leaves unwritten shows. */
function leaveNaNBlocks(floats: number): void {
  const blocks = [0, 1, 2].map(() => fast.allocUninitialized(floats));
  runtime.pool.poisonOnFree = true;
  blocks.forEach((b) => fast.release(b));
  runtime.pool.poisonOnFree = false;
}

function runPoolCase(rng: Rng, c: PoolCase, backend: typeof fast | typeof ref32) {
  const attrs = { poolH: c.pool[0], poolW: c.pool[1], strideH: c.stride[0], strideW: c.stride[1], padding: c.padding };
  const x = tiedInput(rng, c.x);
  const g = convGeometry(c.x, c.pool[0], c.pool[1], c.stride[0], c.stride[1], c.padding);
  const dy = randomInput(rng, [g.n, g.oh, g.ow, g.c]);
  if (backend === fast) leaveNaNBlocks(x.values.length);
  return [runOn(backend, 'MaxPool', [x], attrs)[0], runOn(backend, 'MaxPoolGrad', [dy, x], attrs)[0]];
}

describe('fast convolution', () => {
  afterAll(() => useThreads(1));

  CONV_CASES.forEach((c, i) => {
    it(`case ${i} (${c.x.join('×')}, kernel ${c.k.join('×')}, stride ${c.stride.join(',')}, ${c.padding}) matches the reference`, () => {
      const got = runConvCase(new Rng(i), c, fast);
      const want = runConvCase(new Rng(i), c, ref64);
      const names = ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'];
      got.forEach((g, j) => expectClose(g, want[j], 1e-5, names[j]));
    });
  });

  it('matches the reference with the mul+add fallback too, which differs from FMA only by rounding', () => {
    expect(fast.runtime.fma).toBe(true);
    const names = ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'];
    let differs = false;
    CONV_CASES.forEach((c, i) => {
      const got = runConvCase(new Rng(i), c, fallback);
      const want = runConvCase(new Rng(i), c, ref64);
      const withFma = runConvCase(new Rng(i), c, fast);
      got.forEach((g, j) => expectClose(g, want[j], 1e-5, `case ${i} ${names[j]}`));
      differs ||= got.some((g, j) => g.some((v, k) => v !== withFma[j][k]));
    });
    expect(differs).toBe(true);
  });

  it('is bit-identical with 1 and 2 threads', async () => {
    await expectSameOnOneAndTwoThreads(() => CONV_CASES.flatMap((c, i) => runConvCase(new Rng(100 + i), c, fast)));
  });
});

describe('fast max pooling', () => {
  afterAll(() => useThreads(1));

  POOL_CASES.forEach((c, i) => {
    it(`case ${i} (${c.x.join('×')}, pool ${c.pool.join('×')}, stride ${c.stride.join(',')}, ${c.padding}) equals the reference exactly, ties included`, () => {
      const [y, dx] = runPoolCase(new Rng(i), c, fast);
      const [wantY, wantDx] = runPoolCase(new Rng(i), c, ref32);
      expectIdentical(y, wantY, 'MaxPool');
      expectIdentical(dx, wantDx, 'MaxPoolGrad');
    });
  });

  it('is bit-identical with 1 and 2 threads', async () => {
    const run = () => POOL_CASES.flatMap((c, i) => runPoolCase(new Rng(50 + i), c, fast));
    await useThreads(1);
    const single = run();
    await useThreads(2);
    const double = run();
    single.forEach((s, i) => expectIdentical(double[i], s, `output ${i}`));
  });
});

describe('float32 central differences through the direct convolution and 2×2 pool kernels', () => {
  const convCases: Array<{ x: number[]; w: number[]; stride: [number, number]; padding: Padding }> = [
    { x: [2, 6, 6, 8], w: [3, 3, 8, 16], stride: [1, 1], padding: 'valid' },
    { x: [1, 5, 5, 16], w: [3, 3, 16, 8], stride: [1, 1], padding: 'same' },
    { x: [1, 7, 6, 3], w: [3, 3, 3, 8], stride: [2, 1], padding: 'same' },
  ];
  convCases.forEach((c, i) => {
    it(`conv2d ${c.x.join('×')} * ${c.w.join('×')}, stride ${c.stride.join(',')}, ${c.padding}`, () => {
      withBackend(fast, () => {
        const rng = new Rng(400 + i);
        const [x, w] = [c.x, c.w].map((shape) => {
          const t = tensor(randomInput(rng, shape).values as Float32Array, shape);
          t.requiresGrad = true;
          return t;
        });
        // The loss is linear in each input, so a wide step is exact and keeps float32 rounding small.
        const result = gradCheck(() => conv2d(x, w, c.stride, c.padding), [x, w], { epsilon: 0.05 });
        expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(2e-2);
      });
    });
  });

  it('maxPool2d 2×2 over 2×7×9×4 (odd sizes)', () => {
    withBackend(fast, () => {
      // Distinct values 0.01 apart: a probe of ±1e-3 never changes which cell is the maximum.
      const shape = [2, 7, 9, 4];
      const rng = new Rng(450);
      const values = Float32Array.from({ length: sizeOf(shape) }, (_, k) => k * 0.01 - 2);
      for (let k = values.length - 1; k > 0; k--) {
        const j = rng.int(k + 1);
        [values[k], values[j]] = [values[j], values[k]];
      }
      const x = tensor(values, shape);
      x.requiresGrad = true;
      const result = gradCheck(() => maxPool2d(x, [2, 2], [2, 2]), [x], { epsilon: 1e-3 });
      expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(2e-2);
    });
  });
});
