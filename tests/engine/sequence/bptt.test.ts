// Backpropagation through time: exact gradients over 10+ steps (float64 central differences),
// and the lesson the layers teach: a plain RNN's gradient to early steps vanishes, an LSTM's does not.
import { describe, expect, it } from 'vitest';
import { cpu64 } from '../setup';
import { withBackend } from '../../../src-engine/core/backend';
import { tensor } from '../../../src-engine/core/tensor';
import { backward } from '../../../src-engine/core/autograd';
import { gradCheck } from '../../../src-engine/core/gradcheck';
import { Rng } from '../../../src-engine/core/rng';
import { sum, square } from '../../../src-engine/ops';
import { buildLayer } from './helpers';

function randomInput(shape: number[], seed: number, integerMax?: number) {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const t = tensor(
    Array.from({ length: n }, () => (integerMax ? rng.int(integerMax) : rng.uniform(-1, 1))),
    shape,
  );
  t.requiresGrad = integerMax === undefined;
  return t;
}

describe('gradients through time match central differences (float64)', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['SimpleRNN', { units: 4, returnSequences: true }],
    ['LSTM', { units: 4 }],
    ['LSTM', { units: 3, returnSequences: true, initialState: 'learned' }],
    ['GRU', { units: 4 }],
    ['GRU', { units: 3, returnSequences: true, initialState: 'learned' }],
  ];
  for (const [type, params] of cases) {
    it(`${type} ${JSON.stringify(params)} over 15 steps, for the input and every weight`, () => {
      withBackend(cpu64, () => {
        const layer = buildLayer(type, [15, 3], params, 3);
        const x = randomInput([2, 15, 3], 5);
        const result = gradCheck(() => layer.forward([x], { training: true, rng: new Rng(1) }), [x, ...layer.params], {
          maxProbes: 40,
        });
        expect(result.errors.map((e) => e.name)).toEqual(['input 0', ...layer.params.map((p) => p.name)]);
        expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(1e-6);
      });
    });
  }

  it('Embedding → LSTM over 12 token steps, gradient of every table row a batch uses', () => {
    withBackend(cpu64, () => {
      const embedding = buildLayer('Embedding', [12], { vocabSize: 7, dimension: 3, initializer: 'normal' }, 2);
      const lstm = buildLayer('LSTM', [12, 3], { units: 3 }, 4);
      const ids = randomInput([2, 12], 9, 7);
      const f = () =>
        lstm.forward([embedding.forward([ids], { training: true, rng: new Rng(1) })], { training: true, rng: new Rng(1) });
      const result = gradCheck(f, [...embedding.params, ...lstm.params]);
      expect(result.maxRelError, JSON.stringify(result.errors)).toBeLessThan(1e-6);
    });
  });
});

/** |∂(Σ h_T²)/∂x_t| for the first and the last step of a 40-step sequence. */
function gradientAtEnds(type: string, params: Record<string, unknown>): { first: number; last: number } {
  return withBackend(cpu64, () => {
    const steps = 40;
    const layer = buildLayer(type, [steps, 4], { units: 16, ...params }, 7);
    const x = randomInput([8, steps, 4], 11);
    backward(sum(square(layer.forward([x], { training: false, rng: new Rng(1) }))), tensor([1], []));
    const g = x.grad!.dataSync();
    const norm = (t: number) => {
      let s = 0;
      for (let n = 0; n < 8; n++) for (let f = 0; f < 4; f++) s += g[(n * steps + t) * 4 + f] ** 2;
      return Math.sqrt(s);
    };
    return { first: norm(0), last: norm(steps - 1) };
  });
}

describe('the vanishing-gradient lesson', () => {
  it('a SimpleRNN barely feels the first of 40 steps; an LSTM with forget bias 1 still does', () => {
    const rnn = gradientAtEnds('SimpleRNN', {});
    const lstm = gradientAtEnds('LSTM', { unitForgetBias: true });
    expect(rnn.first / rnn.last).toBeLessThan(1e-2);
    expect(lstm.first / lstm.last).toBeGreaterThan(1e-2);
    expect(lstm.first / lstm.last).toBeGreaterThan(100 * (rnn.first / rnn.last));
  });

  it('without the forget bias of 1, a fresh LSTM forgets as fast as the plain RNN', () => {
    const lstm = gradientAtEnds('LSTM', { unitForgetBias: false });
    expect(lstm.first / lstm.last).toBeLessThan(1e-3);
  });
});
