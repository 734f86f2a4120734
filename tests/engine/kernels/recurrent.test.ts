// The fast backend's LstmCell, GruGates and GruCell (WebAssembly f32x4, their own exp) against the
// float64 reference kernels, with and without a state, across the exp's range; and bit-identical
// for 1 and 2 threads.
import { afterAll, describe, expect, it } from 'vitest';
import {
  expectClose,
  expectIdentical,
  fast,
  helperChunks,
  randomInput,
  ref64,
  runOn,
  runtime,
  useThreads,
  type Input,
} from './fixtures';
import { Rng } from '../../../src-engine/core/rng';

function lstmInputs(rng: Rng, n: number, steps: number, units: number, wide: boolean): Input[] {
  const span = wide ? 60 : 3;
  return [
    randomInput(rng, [n, steps, 4 * units], -span, span),
    randomInput(rng, [n, 4 * units], -1, 1),
    randomInput(rng, [n, units], -2, 2),
  ];
}

afterAll(async () => {
  runtime.parallelThresholdNs = 40_000;
  await useThreads(1);
});

describe('LstmCell on the fast backend', () => {
  for (const [n, steps, units, wide] of [
    [3, 2, 8, false],
    [64, 4, 128, false],
    [5, 3, 12, true],
  ] as const) {
    for (const hasState of [true, false]) {
      it(`[${n}, ${steps}, ${units}] ${wide ? 'wide' : 'usual'} values, ${hasState ? 'with' : 'without'} a state: matches the float64 kernel to 1e-5`, () => {
        const inputs = lstmInputs(new Rng(n + units), n, steps, units, wide);
        const used = hasState ? inputs : inputs.slice(0, 1);
        const attrs = { step: steps - 1, hasState };
        const got = runOn(fast, 'LstmCell', used, attrs);
        const want = runOn(ref64, 'LstmCell', used, attrs);
        expect(got).toHaveLength(4);
        got.forEach((g, k) => expectClose(g, want[k], 1e-5, `output ${k}`));
      });
    }
  }

  it('gives identical bits with 1 and 2 threads', async () => {
    const inputs = lstmInputs(new Rng(9), 64, 3, 128, false);
    const attrs = { step: 1, hasState: true };
    await useThreads(1);
    const single = runOn(fast, 'LstmCell', inputs, attrs);
    await useThreads(2);
    runtime.parallelThresholdNs = 0;
    const before = helperChunks();
    const double = runOn(fast, 'LstmCell', inputs, attrs);
    expect(helperChunks()).toBeGreaterThan(before);
    double.forEach((d, k) => expectIdentical(d, single[k], `output ${k}`));
  });
});

describe('GruGates and GruCell on the fast backend', () => {
  for (const [n, steps, units, span] of [
    [3, 2, 8, 3],
    [64, 4, 64, 3],
    [5, 3, 12, 60],
  ] as const) {
    for (const hasState of [true, false]) {
      it(`[${n}, ${steps}, ${units}] values within ±${span}, ${hasState ? 'with' : 'without'} a state: match the float64 kernels to 1e-5`, () => {
        const rng = new Rng(n * 7 + units);
        const xw = randomInput(rng, [n, steps, 3 * units], -span, span);
        const hzr = randomInput(rng, [n, 2 * units]);
        const h = randomInput(rng, [n, units]);
        const zr = randomInput(rng, [n, 2 * units], 0, 1);
        const hc = randomInput(rng, [n, units]);
        const attrs = { step: steps - 1, hasState };
        for (const [name, inputs] of [
          ['GruGates', hasState ? [xw, hzr, h] : [xw]],
          ['GruCell', hasState ? [xw, zr, hc, h] : [xw, zr]],
        ] as const) {
          const got = runOn(fast, name, [...inputs], attrs);
          const want = runOn(ref64, name, [...inputs], attrs);
          expect(got).toHaveLength(2);
          got.forEach((g, k) => expectClose(g, want[k], 1e-5, `${name} output ${k}`));
        }
      });
    }
  }

  it('give identical bits with 1 and 2 threads', async () => {
    const rng = new Rng(4);
    const xw = randomInput(rng, [64, 3, 192]);
    const inputs: Record<'GruGates' | 'GruCell', Input[]> = {
      GruGates: [xw, randomInput(rng, [64, 128]), randomInput(rng, [64, 64])],
      GruCell: [xw, randomInput(rng, [64, 128], 0, 1), randomInput(rng, [64, 64]), randomInput(rng, [64, 64])],
    };
    for (const name of ['GruGates', 'GruCell'] as const) {
      await useThreads(1);
      const single = runOn(fast, name, inputs[name], { step: 2, hasState: true });
      await useThreads(2);
      const before = helperChunks();
      const double = runOn(fast, name, inputs[name], { step: 2, hasState: true });
      expect(helperChunks()).toBeGreaterThan(before);
      double.forEach((d, k) => expectIdentical(d, single[k], `${name} output ${k}`));
    }
  });
});
