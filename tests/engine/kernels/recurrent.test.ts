// The fast backend's LstmCell, GruSequence and GruSequenceGrad (WebAssembly f32x4, their own exp) against the
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

/** A GRU sequence's inputs: xw within ±span, U, and h0 when hasState. */
function gruInputs(rng: Rng, n: number, steps: number, units: number, span: number, hasState: boolean): Input[] {
  const inputs = [randomInput(rng, [n, steps, 3 * units], -span, span), randomInput(rng, [units, 3 * units], -0.3, 0.3)];
  return hasState ? [...inputs, randomInput(rng, [n, units])] : inputs;
}

/** GruSequenceGrad's inputs: dy, U and the saved states of a float64 forward pass (as float32 values). */
function gruGradInputs(rng: Rng, forward: Input[], attrs: { hasState: boolean; returnSequences: boolean }): Input[] {
  const [n, steps, width] = forward[0].shape;
  const units = width / 3;
  const [, ...saved] = runOn(ref64, 'GruSequence', forward, attrs);
  const shapes = [
    [steps + 1, n, units],
    [steps, n, 2 * units],
    [steps, n, units],
    [steps, n, units],
  ];
  const dy = randomInput(rng, attrs.returnSequences ? [n, steps, units] : [n, units]);
  return [dy, forward[1], ...saved.map((values, k) => ({ shape: shapes[k], values: Float32Array.from(values) }))];
}

describe('GruSequence and GruSequenceGrad on the fast backend', () => {
  for (const [n, steps, units, span] of [
    [3, 2, 8, 3],
    [64, 4, 64, 3],
    [5, 3, 12, 60],
  ] as const) {
    for (const hasState of [true, false]) {
      for (const returnSequences of [true, false]) {
        const attrs = { hasState, returnSequences };
        const label = `[${n}, ${steps}, ${units}] values within ±${span}, ${hasState ? 'with' : 'without'} a state, ${returnSequences ? 'every step' : 'last step'}`;
        it(`${label}: match the float64 kernels to 1e-5`, () => {
          const rng = new Rng(n * 7 + units);
          const forward = gruInputs(rng, n, steps, units, span, hasState);
          const got = runOn(fast, 'GruSequence', forward, attrs);
          const want = runOn(ref64, 'GruSequence', forward, attrs);
          expect(got).toHaveLength(5);
          got.forEach((g, k) => expectClose(g, want[k], 1e-5, `GruSequence output ${k}`));
          const grad = gruGradInputs(rng, forward, attrs);
          const gotGrad = runOn(fast, 'GruSequenceGrad', grad, attrs);
          const wantGrad = runOn(ref64, 'GruSequenceGrad', grad, attrs);
          expect(gotGrad).toHaveLength(hasState ? 3 : 2);
          gotGrad.forEach((g, k) => expectClose(g, wantGrad[k], 1e-5, `GruSequenceGrad output ${k}`));
        });
      }
    }
  }

  it('give identical bits with 1 and 2 threads', async () => {
    const rng = new Rng(4);
    const attrs = { hasState: true, returnSequences: true };
    const forward = gruInputs(rng, 64, 3, 64, 3, true);
    const grad = gruGradInputs(rng, forward, attrs);
    for (const [name, inputs] of [
      ['GruSequence', forward],
      ['GruSequenceGrad', grad],
    ] as const) {
      await useThreads(1);
      const single = runOn(fast, name, inputs, attrs);
      await useThreads(2);
      const before = helperChunks();
      const double = runOn(fast, name, inputs, attrs);
      expect(helperChunks()).toBeGreaterThan(before);
      double.forEach((d, k) => expectIdentical(d, single[k], `${name} output ${k}`));
    }
  });
});
