// The fused kernels of a training step (Dense's bias + relu, cross-entropy from logits, Adam over
// every parameter in one call) against the reference kernels and against the unfused kernels
// they replace; shapes whose widths are not multiples of four; 1 vs 2 threads bit for bit.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { getKernel, type TensorInfo } from '../../../src-engine/kernels/registry';
import type { Backend, FloatArray } from '../../../src-engine/core/backend';
import { expectClose, expectIdentical, fast, randomInput, ref32, ref64, runOn, useThreads, type Input } from './fixtures';

const rng = () => new Rng(5);

function biasRelu(backend: Backend, rows: number, units: number): FloatArray[] {
  const r = rng();
  const z = randomInput(r, [rows, units]);
  const b = randomInput(r, [units]);
  const dy = randomInput(r, [rows, units]);
  const [y] = runOn(backend, 'BiasRelu', [z, b], {});
  return [y, ...runOn(backend, 'BiasReluGrad', [dy, { shape: [rows, units], values: y }], {})];
}

/** Rows with `high` at one random class and `low` elsewhere (one-hot: 1 and 0; smoothed rows need not sum to 1). */
function targetRows(r: Rng, rows: number, classes: number, high = 1, low = 0): Input {
  const values = new Float32Array(rows * classes).fill(low);
  for (let i = 0; i < rows; i++) values[i * classes + Math.floor(r.uniform(0, classes))] = high;
  return { shape: [rows, classes], values };
}

function crossEntropy(backend: Backend, logitScale: number, rows = 37, classes = 10, high = 1, low = 0): FloatArray[] {
  const r = rng();
  const logits = randomInput(r, [rows, classes], -logitScale, logitScale);
  const targets = targetRows(r, rows, classes, high, low);
  const [loss, probs] = runOn(backend, 'SoftmaxCrossEntropy', [logits, targets], {});
  const [dlogits] = runOn(
    backend,
    'SoftmaxCrossEntropyGrad',
    [{ shape: [], values: [2] }, { shape: [rows, classes], values: probs }, targets],
    {},
  );
  return [loss, probs, dlogits];
}

const ADAM = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-7 };
const SIZES = [37, 4, 130, 1, 19];

/**
 * Three Adam steps on parameters of SIZES with fresh gradients; `joint` runs ApplyAdamAll, else
 * ApplyAdam per parameter. Parameter 1 starts a step late (its own t) and parameter 2 decays.
 */
function adam(backend: Backend, joint: boolean): Float64Array[] {
  const r = rng();
  const up = (values: ArrayLike<number>, size: number): TensorInfo => ({ shape: [size], data: backend.upload(values, size) });
  const params = SIZES.map((n) => [up(randomInput(r, [n]).values, n), up(new Float32Array(n), n), up(new Float32Array(n), n)]);
  const decay = (k: number) => (k === 2 ? 0.1 : 0);
  for (let step = 1; step <= 3; step++) {
    const live = params.map((_, k) => k).filter((k) => k !== 1 || step > 1);
    const grads = live.map((k) => up(randomInput(r, [SIZES[k]]).values, SIZES[k]));
    const stepOf = (k: number) => (k === 1 ? step - 1 : step);
    if (joint) {
      const inputs = live.flatMap((k, j) => [params[k][0], grads[j], params[k][1], params[k][2]]);
      getKernel(backend.name, 'ApplyAdamAll')(backend, inputs, {
        ...ADAM,
        steps: live.map(stepOf),
        weightDecays: live.map(decay),
      });
    } else {
      live.forEach((k, j) => {
        const [p, m, v] = params[k];
        getKernel(backend.name, 'ApplyAdam')(backend, [p, grads[j], m, v], { ...ADAM, step: stepOf(k), weightDecay: decay(k) });
      });
    }
  }
  return params.flat().map((t) => Float64Array.from(backend.hostView(t.data)!));
}

describe('fused training-step kernels', () => {
  afterAll(() => useThreads(1));

  it('BiasRelu and its gradient match the reference', () => {
    const got = biasRelu(fast, 29, 13);
    const want = biasRelu(ref64, 29, 13);
    got.forEach((g, i) => expectClose(g, want[i], 1e-5, `output ${i}`));
    // Some units are dead and some alive: the mask is exercised both ways.
    expect(got[0].some((v) => v === 0) && got[0].some((v) => v > 0)).toBe(true);
  });

  it('BiasRelu equals Add then Relu, and its gradient ReluGrad then Sum, bit for bit', () => {
    const r = rng();
    const z = randomInput(r, [29, 13]);
    const b = randomInput(r, [13]);
    const dy = randomInput(r, [29, 13]);
    const [sum] = runOn(fast, 'Add', [z, b], {});
    const [y] = runOn(fast, 'Relu', [{ shape: [29, 13], values: sum }], {});
    const [dz] = runOn(fast, 'ReluGrad', [dy, { shape: [29, 13], values: sum }], {});
    const [db] = runOn(fast, 'Sum', [{ shape: [29, 13], values: dz }], { axes: [0], keepDims: false });
    biasRelu(fast, 29, 13).forEach((g, i) => expectIdentical(g, [y, dz, db][i], `output ${i}`));
  });

  it('SoftmaxCrossEntropy matches log-softmax cross-entropy and its gradient softmax − onehot', () => {
    const [loss, probs, dlogits] = crossEntropy(ref64, 3);
    const r = rng();
    const logits = randomInput(r, [37, 10], -3, 3);
    const targets = targetRows(r, 37, 10);
    const [logp] = runOn(ref64, 'LogSoftmax', [logits], {});
    let want = 0;
    for (let i = 0; i < logp.length; i++) want -= targets.values[i] * logp[i];
    expect(loss[0]).toBeCloseTo(want / 37, 12);
    for (let i = 0; i < probs.length; i++) {
      expect(probs[i]).toBeCloseTo(Math.exp(logp[i]), 12);
      expect(dlogits[i]).toBeCloseTo((2 / 37) * (Math.exp(logp[i]) - targets.values[i]), 12);
    }
    const got = crossEntropy(fast, 3);
    got.forEach((g, i) => expectClose(g, [loss, probs, dlogits][i], 1e-5, `output ${i}`));
  });

  it('SoftmaxCrossEntropy matches the reference for odd widths, one column and smoothed targets', () => {
    for (const [rows, classes, high, low] of [
      [5, 7, 1, 0],
      [3, 1, 1, 0],
      [11, 13, 0.9, 0.2],
    ]) {
      const got = crossEntropy(fast, 4, rows, classes, high, low);
      const want = crossEntropy(ref64, 4, rows, classes, high, low);
      got.forEach((g, i) => expectClose(g, want[i], 1e-5, `${rows}×${classes} output ${i}`));
    }
  });

  it('SoftmaxCrossEntropy stays finite for logits in the thousands (the row max is subtracted)', () => {
    for (const backend of [ref32, fast]) {
      const [loss, probs, dlogits] = crossEntropy(backend, 5000);
      expect(Number.isFinite(loss[0])).toBe(true);
      expect([...probs, ...dlogits].every(Number.isFinite)).toBe(true);
      expectClose(loss, crossEntropy(ref64, 5000)[0], 1e-5, `${backend.name} loss`);
    }
  });

  it('ApplyAdamAll equals ApplyAdam per parameter bit for bit, and the reference to 1e-5', () => {
    const joint = adam(fast, true);
    const separate = adam(fast, false);
    joint.forEach((t, i) => expectIdentical(t, separate[i], `tensor ${i}`));
    const reference = adam(ref64, true);
    joint.forEach((t, i) => expectClose(t, reference[i], 1e-5, `tensor ${i}`));
    const referenceSeparate = adam(ref64, false);
    reference.forEach((t, i) => expectIdentical(t, referenceSeparate[i], `reference tensor ${i}`));
  });

  it('is bit-identical with 1 and 2 threads', async () => {
    const run = () => [
      ...biasRelu(fast, 29, 13),
      ...biasRelu(fast, 3, 300),
      ...crossEntropy(fast, 3),
      ...crossEntropy(fast, 3, 300, 7, 0.9, 0.2),
      ...adam(fast, true),
    ];
    await useThreads(1);
    const single = run();
    await useThreads(2);
    const double = run();
    single.forEach((s, i) => expectIdentical(double[i], s, `tensor ${i}`));
  });
});
