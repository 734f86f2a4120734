// The packed SIMD matrix multiply against the reference, for odd sizes (not multiples of the
// 4×8 tile), every transpose combination, and 1 vs 2 threads (bit-identical).
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { expectClose, expectIdentical, fast, helperChunks, randomInput, ref64, runOn, useThreads } from './fixtures';

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

  for (const [transposeA, transposeB] of TRANSPOSES) {
    it(`matches the reference with transposeA=${transposeA}, transposeB=${transposeB} on odd shapes`, () => {
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
      ];
      for (const [m, k, n] of shapes) {
        const inputs = operands(rng, m, k, n, transposeA, transposeB);
        const [got] = runOn(fast, 'MatMul', inputs, { transposeA, transposeB });
        const [want] = runOn(ref64, 'MatMul', inputs, { transposeA, transposeB });
        expectClose(got, want, 1e-5 * Math.sqrt(k), `${m}×${k}×${n}`);
      }
    });
  }

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
        ] as const,
    );
    const inputs = cases.map(([m, k, n, ta, tb]) => operands(rng, m, k, n, ta, tb));
    const run = () =>
      cases.map(([, , , transposeA, transposeB], i) => runOn(fast, 'MatMul', inputs[i], { transposeA, transposeB })[0]);
    await useThreads(1);
    const single = run();
    await useThreads(2);
    const before = helperChunks();
    const double = run();
    expect(helperChunks() - before).toBeGreaterThanOrEqual(cases.length);
    single.forEach((s, i) => expectIdentical(double[i], s, `case ${i}`));
  });
});
