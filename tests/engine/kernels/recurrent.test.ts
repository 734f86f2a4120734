// The fast backend's whole-sequence LSTM and GRU kernels (one call per sequence each way: batch
// rows through every step, GEMMs and gate math in WebAssembly f32x4 with its own exp) against the
// float64 reference kernels, with and without a state, across the exp's range, forwards and
// backwards, with and without relaxed SIMD; and bit-identical for 1 and 2 threads.
import { afterAll, describe, expect, it } from 'vitest';
import {
  expectClose,
  expectSameOnOneAndTwoThreads,
  fast,
  randomInput,
  ref64,
  runOn,
  runtime,
  useThreads,
  type Input,
} from './fixtures';
import { Rng } from '../../../src-engine/core/rng';
import { FastCpuBackend } from '../../../src-engine/kernels/wasm';
import { WasmRuntime } from '../../../src-engine/kernels/wasm/runtime';

type Kind = 'LSTM' | 'GRU';
const KERNELS = { LSTM: ['LstmSequence', 'LstmSequenceGrad'], GRU: ['GruSequence', 'GruSequenceGrad'] } as const;
const GATES = { LSTM: 4, GRU: 3 };
type Attrs = { hasState: boolean; returnSequences: boolean };

/** A sequence's inputs: xw within ±span, U, and the starting states when hasState. */
function sequenceInputs(kind: Kind, rng: Rng, n: number, steps: number, units: number, span: number, hasState: boolean): Input[] {
  const width = GATES[kind] * units;
  const inputs = [randomInput(rng, [n, steps, width], -span, span), randomInput(rng, [units, width], -0.3, 0.3)];
  const states = kind === 'LSTM' ? 2 : 1;
  return hasState ? [...inputs, ...Array.from({ length: states }, () => randomInput(rng, [n, units], -2, 2))] : inputs;
}

/** The gradient kernel's inputs: dy, U and the saved states of a float64 forward pass (as float32 values). */
function gradInputs(kind: Kind, rng: Rng, forward: Input[], attrs: Attrs): Input[] {
  const [n, steps, width] = forward[0].shape;
  const units = width / GATES[kind];
  const [, ...saved] = runOn(ref64, KERNELS[kind][0], forward, attrs);
  const block = (t: number, w = units) => [t, n, w];
  const shapes =
    kind === 'LSTM'
      ? [block(steps + 1), block(steps + 1), block(steps, width), block(steps)]
      : [block(steps + 1), block(steps, 2 * units), block(steps), block(steps)];
  const dy = randomInput(rng, attrs.returnSequences ? [n, steps, units] : [n, units]);
  return [dy, forward[1], ...saved.map((values, k) => ({ shape: shapes[k], values: Float32Array.from(values) }))];
}

const fallbackRuntime = WasmRuntime.tryCreate({ fma: false });
if (!fallbackRuntime) throw new Error('the fast CPU backend needs WebAssembly SIMD and shared memory');
/** The same kernels built without relaxed SIMD (4-row GEMM strips, exp without FMA). */
const fallback = new FastCpuBackend(fallbackRuntime);

afterAll(async () => {
  runtime.parallelThresholdNs = 40_000;
  await useThreads(1);
});

for (const kind of ['LSTM', 'GRU'] as const) {
  const [forwardKernel, gradKernel] = KERNELS[kind];
  describe(`${forwardKernel} and ${gradKernel} on the fast backend`, () => {
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
            const forward = sequenceInputs(kind, rng, n, steps, units, span, hasState);
            const got = runOn(fast, forwardKernel, forward, attrs);
            const want = runOn(ref64, forwardKernel, forward, attrs);
            expect(got).toHaveLength(5);
            got.forEach((g, k) => expectClose(g, want[k], 1e-5, `${forwardKernel} output ${k}`));
            const grad = gradInputs(kind, rng, forward, attrs);
            const gotGrad = runOn(fast, gradKernel, grad, attrs);
            const wantGrad = runOn(ref64, gradKernel, grad, attrs);
            expect(gotGrad).toHaveLength(hasState ? (kind === 'LSTM' ? 4 : 3) : 2);
            gotGrad.forEach((g, k) => expectClose(g, wantGrad[k], 1e-5, `${gradKernel} output ${k}`));
          });
        }
      }
    }

    // 23 rows: the last chunk ends inside a GEMM strip.
    for (const [n, hasState, returnSequences] of [
      [64, true, true],
      [23, false, false],
    ] as const) {
      it(`give identical bits with 1 and 2 threads (${n} rows, ${hasState ? 'with' : 'without'} a state)`, async () => {
        const rng = new Rng(4);
        const attrs = { hasState, returnSequences };
        const forward = sequenceInputs(kind, rng, n, 3, 64, 3, hasState);
        const grad = gradInputs(kind, rng, forward, attrs);
        for (const [name, inputs] of [
          [forwardKernel, forward],
          [gradKernel, grad],
        ] as const) {
          await expectSameOnOneAndTwoThreads(() => runOn(fast, name, inputs, attrs));
        }
      });
    }
  });
}

describe('the whole-sequence kernels without relaxed SIMD', () => {
  for (const kind of ['LSTM', 'GRU'] as const) {
    const [forwardKernel, gradKernel] = KERNELS[kind];
    it(`${forwardKernel} and ${gradKernel} match the float64 kernels to 1e-5`, () => {
      const rng = new Rng(9);
      const attrs = { hasState: true, returnSequences: true };
      const forward = sequenceInputs(kind, rng, 23, 3, 12, 3, true);
      const wantForward = runOn(ref64, forwardKernel, forward, attrs);
      runOn(fallback, forwardKernel, forward, attrs).forEach((g, k) =>
        expectClose(g, wantForward[k], 1e-5, `${forwardKernel} output ${k}`),
      );
      const grad = gradInputs(kind, rng, forward, attrs);
      const want = runOn(ref64, gradKernel, grad, attrs);
      runOn(fallback, gradKernel, grad, attrs).forEach((g, k) => expectClose(g, want[k], 1e-5, `${gradKernel} output ${k}`));
    });
  }
});
