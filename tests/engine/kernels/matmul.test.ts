// The packed SIMD matrix multiply against the reference, for odd sizes (not multiples of the
// 5×8 tile), every transpose combination, with relaxed-SIMD FMA and with the mul+add fallback,
// and 1 vs 2 threads (bit-identical).
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { FastCpuBackend } from '../../../src-engine/kernels/wasm';
import { WasmRuntime } from '../../../src-engine/kernels/wasm/runtime';
import type { ParallelRunner } from '../../../src-engine/kernels/wasm/parallel';
import {
  expectClose,
  expectIdentical,
  expectSameOnOneAndTwoThreads,
  fast,
  randomInput,
  ref64,
  runOn,
  useThreads,
} from './fixtures';

const fallbackRuntime = WasmRuntime.tryCreate({ fma: false });
if (!fallbackRuntime) throw new Error('the fast CPU backend needs WebAssembly SIMD and shared memory');
/** The same kernels built without relaxed SIMD, as on runtimes that lack it. */
const fallback = new FastCpuBackend(fallbackRuntime);

/** Two "threads" that run every chunk on the calling thread, last chunk first. */
const reversedChunks: ParallelRunner = {
  threads: 2,
  run(_fn, _args, bounds, local) {
    for (let c = bounds.length - 2; c >= 0; c--) local(bounds[c], bounds[c + 1]);
  },
  close() {},
};

const TRANSPOSES = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

function operands(rng: Rng, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean) {
  return [randomInput(rng, transposeA ? [k, m] : [m, k]), randomInput(rng, transposeB ? [n, k] : [k, n])];
}

describe('fast MatMul', () => {
  afterAll(() => useThreads(1));

  for (const [variant, backend] of [
    ['relaxed-SIMD FMA', fast],
    ['mul+add fallback', fallback],
  ] as const)
    for (const [transposeA, transposeB] of TRANSPOSES) {
      it(`matches the reference (${variant}) with transposeA=${transposeA}, transposeB=${transposeB} on odd shapes`, () => {
        const rng = new Rng(11);
        // Few panels of 8 columns (row split) and four or more (column-panel split) both appear.
        const shapes = [
          [1, 1, 1],
          [1, 7, 1],
          [3, 5, 9],
          [4, 8, 8],
          [5, 13, 17],
          [17, 1, 33],
          [37, 41, 7],
          [64, 3, 10],
          [9, 70, 25],
          [70, 30, 41],
          [13, 600, 19],
        ];
        for (const [m, k, n] of shapes) {
          const inputs = operands(rng, m, k, n, transposeA, transposeB);
          const [got] = runOn(backend, 'MatMul', inputs, { transposeA, transposeB });
          const [want] = runOn(ref64, 'MatMul', inputs, { transposeA, transposeB });
          expectClose(got, want, 1e-5 * Math.sqrt(k), `${m}×${k}×${n}`);
        }
      });
    }

  it('uses relaxed-SIMD FMA here (Node 22), and the fallback differs from it only by rounding', () => {
    expect(fast.runtime.fma).toBe(true);
    expect(fallback.runtime.fma).toBe(false);
    const rng = new Rng(3);
    const inputs = operands(rng, 37, 300, 41, false, false);
    const [withFma] = runOn(fast, 'MatMul', inputs, { transposeA: false, transposeB: false });
    const [without] = runOn(fallback, 'MatMul', inputs, { transposeA: false, transposeB: false });
    expectClose(withFma, without, 1e-5 * Math.sqrt(300));
    // Fused multiply-adds round once per k, mul then add twice: some of 1,517 sums differ.
    expect(withFma.some((v, i) => v !== without[i])).toBe(true);
  });

  it('gives the same bits whatever the split into chunks, without relaxed SIMD too', () => {
    const rng = new Rng(8);
    for (const [m, k, n, transposeA, transposeB] of [
      [131, 67, 45, true, false],
      [23, 90, 77, false, true],
    ] as const) {
      const inputs = operands(rng, m, k, n, transposeA, transposeB);
      const whole = runOn(fallback, 'MatMul', inputs, { transposeA, transposeB })[0];
      const threshold = fallback.runtime.parallelThresholdNs;
      fallback.runtime.setRunner(reversedChunks);
      fallback.runtime.parallelThresholdNs = 0;
      try {
        const split = runOn(fallback, 'MatMul', inputs, { transposeA, transposeB })[0];
        expectIdentical(split, whole, `${m}×${k}×${n}`);
      } finally {
        fallback.runtime.setRunner(null);
        fallback.runtime.parallelThresholdNs = threshold;
      }
    }
  });

  it('gives zeros for an empty inner dimension and handles empty outputs', () => {
    const [c] = runOn(
      fast,
      'MatMul',
      [
        { shape: [3, 0], values: [] },
        { shape: [0, 5], values: [] },
      ],
      { transposeA: false, transposeB: false },
    );
    expect(Array.from(c)).toEqual(new Array(15).fill(0));
    const [empty] = runOn(
      fast,
      'MatMul',
      [
        { shape: [0, 4], values: [] },
        { shape: [4, 6], values: new Float32Array(24) },
      ],
      { transposeA: false, transposeB: false },
    );
    expect(empty.length).toBe(0);
  });

  it('is bit-identical with 1 and 2 threads for every transpose combination', async () => {
    const rng = new Rng(5);
    const cases = TRANSPOSES.flatMap(
      ([ta, tb]) =>
        [
          [131, 67, 45, ta, tb],
          [6, 300, 9, ta, tb],
          [40, 784, 70, ta, tb],
        ] as const,
    );
    const inputs = cases.map(([m, k, n, ta, tb]) => operands(rng, m, k, n, ta, tb));
    const run = () =>
      cases.map(([, , , transposeA, transposeB], i) => runOn(fast, 'MatMul', inputs[i], { transposeA, transposeB })[0]);
    // Every case splits across the helper too.
    await expectSameOnOneAndTwoThreads(run, cases.length);
  });
});
