// The SIMD element-wise kernels against the reference: each broadcasting layout they handle
// (equal shapes, bias rows, scalars) and one they leave to the reference, the activations and
// their derivatives, and bias-gradient sums; lengths that are not multiples of four.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { hasKernel, registeredKernels } from '../../../src-engine/kernels/registry';
import { FAST_CPU } from '../../../src-engine/kernels/wasm';
import { expectClose, expectIdentical, fast, randomInput, ref32, runOn, useThreads, type Input } from './fixtures';

const BINARY = ['Add', 'Sub', 'Mul', 'Div'] as const;
const LAYOUTS: Array<[string, number[], number[]]> = [
  ['equal shapes', [7, 13], [7, 13]],
  ['bias row', [9, 6], [6]],
  ['bias first', [5], [3, 5]],
  ['channel bias on images', [2, 3, 3, 5], [5]],
  ['scalar', [4, 7], []],
  ['scalar first', [], [31]],
  ['one element each', [1], [1]],
  ['general broadcast (reference)', [2, 3, 4], [3, 1]],
];

/** Values away from zero, so division stays tame. */
function nonZero(rng: Rng, shape: number[]): Input {
  const t = randomInput(rng, shape, 0.5, 2);
  return { shape, values: Float32Array.from(t.values, (v, i) => (i % 3 === 0 ? -v : v)) };
}

describe('fast element-wise kernels', () => {
  afterAll(() => useThreads(1));

  it('registers its own kernels and falls back to the reference for the rest', () => {
    expect(registeredKernels(FAST_CPU)).toEqual(
      expect.arrayContaining(['MatMul', 'Conv2D', 'Add', 'Relu', 'ApplyAdam', 'MaxPool']),
    );
    expect(registeredKernels(FAST_CPU)).not.toContain('Exp');
    expect(hasKernel(FAST_CPU, 'Exp')).toBe(true);
  });

  for (const op of BINARY) {
    for (const [name, sa, sb] of LAYOUTS) {
      it(`${op} with ${name} equals the reference exactly`, () => {
        const rng = new Rng(op.length * 31 + sa.length);
        const inputs = [nonZero(rng, sa), nonZero(rng, sb)];
        expectIdentical(runOn(fast, op, inputs, {})[0], runOn(ref32, op, inputs, {})[0]);
      });
    }
  }

  const unary = [
    ['Relu', {}],
    ['Neg', {}],
    ['Square', {}],
    ['Abs', {}],
  ] as const;
  for (const [op, attrs] of unary) {
    it(`${op} equals the reference exactly (zeros and a length of 4k+3 included)`, () => {
      const x = randomInput(new Rng(3), [5, 7]);
      (x.values as Float32Array)[4] = 0;
      (x.values as Float32Array)[5] = -0;
      expectIdentical(runOn(fast, op, [x], attrs)[0], runOn(ref32, op, [x], attrs)[0]);
    });
  }

  it('Sqrt, Affine and LeakyRelu match the reference (their settings are rounded to float32)', () => {
    const rng = new Rng(4);
    const positive = randomInput(rng, [37], 0.1, 4);
    const x = randomInput(rng, [6, 11]);
    expectIdentical(runOn(fast, 'Sqrt', [positive], {})[0], runOn(ref32, 'Sqrt', [positive], {})[0]);
    expectClose(
      runOn(fast, 'Affine', [x], { scale: 1 / 3, shift: 0.1 })[0],
      runOn(ref32, 'Affine', [x], { scale: 1 / 3, shift: 0.1 })[0],
      1e-7,
    );
    expectClose(runOn(fast, 'LeakyRelu', [x], { alpha: 0.01 })[0], runOn(ref32, 'LeakyRelu', [x], { alpha: 0.01 })[0], 1e-7);
  });

  it('ReluGrad and LeakyReluGrad equal the reference', () => {
    const rng = new Rng(5);
    const dy = randomInput(rng, [3, 9]);
    const x = randomInput(rng, [3, 9]);
    (x.values as Float32Array)[2] = 0;
    expectIdentical(runOn(fast, 'ReluGrad', [dy, x], {})[0], runOn(ref32, 'ReluGrad', [dy, x], {})[0]);
    expectClose(
      runOn(fast, 'LeakyReluGrad', [dy, x], { alpha: 0.2 })[0],
      runOn(ref32, 'LeakyReluGrad', [dy, x], { alpha: 0.2 })[0],
      1e-7,
    );
  });

  it('Sum over leading axes (bias gradients) equals the reference exactly; other sums use the reference', () => {
    const rng = new Rng(6);
    const x = randomInput(rng, [4, 5, 3, 7]);
    for (const [axes, keepDims] of [
      [[0], false],
      [[0, 1, 2], true],
      [[0, 1], false],
      [[1], false],
      [[0, 3], true],
      [[0, 1, 2, 3], false],
    ] as const) {
      const attrs = { axes: [...axes], keepDims };
      expectIdentical(runOn(fast, 'Sum', [x], attrs)[0], runOn(ref32, 'Sum', [x], attrs)[0], `axes ${axes}`);
    }
  });

  it('is bit-identical with 1 and 2 threads', async () => {
    const rng = new Rng(8);
    const big = randomInput(rng, [67, 129]);
    const other = nonZero(rng, [67, 129]);
    const bias = randomInput(rng, [129]);
    const run = () => [
      ...BINARY.map((op) => runOn(fast, op, [big, other], {})[0]),
      ...BINARY.map((op) => runOn(fast, op, [big, bias], {})[0]),
      runOn(fast, 'Relu', [big], {})[0],
      runOn(fast, 'ReluGrad', [other, big], {})[0],
      runOn(fast, 'Sum', [big], { axes: [0], keepDims: false })[0],
    ];
    await useThreads(1);
    const single = run();
    await useThreads(2);
    const double = run();
    single.forEach((s, i) => expectIdentical(double[i], s, `output ${i}`));
  });
});
