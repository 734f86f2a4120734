// The fast backend's LstmCell (WebAssembly f32x4, its own exp) against the float64 reference
// kernel, with and without a state, across the exp's range; and bit-identical for 1 and 2 threads.
import { afterAll, describe, expect, it } from 'vitest';
import { expectClose, expectIdentical, fast, helperChunks, randomInput, ref64, runOn, runtime, useThreads, type Input } from './fixtures';
import { Rng } from '../../../src-engine/core/rng';

function lstmInputs(rng: Rng, n: number, steps: number, units: number, wide: boolean): Input[] {
  const span = wide ? 60 : 3;
  return [randomInput(rng, [n, steps, 4 * units], -span, span), randomInput(rng, [n, 4 * units], -1, 1), randomInput(rng, [n, units], -2, 2)];
}

afterAll(async () => {
  runtime.parallelThresholdNs = 40_000;
  await useThreads(1);
});

describe('LstmCell on the fast backend', () => {
  for (const [n, steps, units, wide] of [[3, 2, 8, false], [64, 4, 128, false], [5, 3, 12, true]] as const) {
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
