// A minimal 2-layer tanh MLP with Adam, only for checking that generated datasets are learnable
// (the real engine lives elsewhere; the data tests must not depend on it).

import { createRandom } from '../../../src-engine/data/random';

export interface TinyMlpResult {
  trainAccuracy: number;
  validationAccuracy: number;
}

/** Binary classifier on `features` inputs; returns accuracies after `steps` full-batch Adam steps. */
export function trainTinyMlp(
  train: { x: Float32Array; y: Float32Array; count: number },
  validation: { x: Float32Array; y: Float32Array; count: number },
  features: number,
  { hidden = 16, steps = 1500, learningRate = 0.02, seed = 1 } = {},
): TinyMlpResult {
  const random = createRandom(seed);
  const sizes = [features, hidden, hidden, 1];
  const weights = sizes.slice(1).map((out, l) => {
    const fanIn = sizes[l];
    return Float64Array.from({ length: out * fanIn }, () => random.normal() * Math.sqrt(1 / fanIn));
  });
  const biases = sizes.slice(1).map((out) => new Float64Array(out));
  const params = [...weights, ...biases];
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));

  const forward = (x: Float32Array, row: number): Float64Array[] => {
    const acts: Float64Array[] = [Float64Array.from(x.subarray(row * features, row * features + features))];
    for (let l = 0; l < 3; l++) {
      const inp = acts[l];
      const out = new Float64Array(sizes[l + 1]);
      for (let o = 0; o < out.length; o++) {
        let s = biases[l][o];
        for (let i = 0; i < inp.length; i++) s += weights[l][o * inp.length + i] * inp[i];
        out[o] = l < 2 ? Math.tanh(s) : 1 / (1 + Math.exp(-s));
      }
      acts.push(out);
    }
    return acts;
  };

  for (let step = 1; step <= steps; step++) {
    const grads = params.map((p) => new Float64Array(p.length));
    for (let row = 0; row < train.count; row++) {
      const acts = forward(train.x, row);
      let delta = Float64Array.of(acts[3][0] - train.y[row]); // sigmoid + cross-entropy
      for (let l = 2; l >= 0; l--) {
        const inp = acts[l];
        const gw = grads[l];
        const gb = grads[3 + l];
        const next = new Float64Array(inp.length);
        for (let o = 0; o < delta.length; o++) {
          gb[o] += delta[o];
          for (let i = 0; i < inp.length; i++) {
            gw[o * inp.length + i] += delta[o] * inp[i];
            next[i] += delta[o] * weights[l][o * inp.length + i];
          }
        }
        if (l > 0) for (let i = 0; i < inp.length; i++) next[i] *= 1 - inp[i] * inp[i];
        delta = next;
      }
    }
    params.forEach((p, k) => {
      for (let i = 0; i < p.length; i++) {
        const g = grads[k][i] / train.count;
        m[k][i] = 0.9 * m[k][i] + 0.1 * g;
        v[k][i] = 0.999 * v[k][i] + 0.001 * g * g;
        const mHat = m[k][i] / (1 - 0.9 ** step);
        const vHat = v[k][i] / (1 - 0.999 ** step);
        p[i] -= (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
      }
    });
  }

  const accuracy = (split: { x: Float32Array; y: Float32Array; count: number }): number => {
    let correct = 0;
    for (let row = 0; row < split.count; row++) {
      if ((forward(split.x, row)[3][0] > 0.5 ? 1 : 0) === split.y[row]) correct++;
    }
    return correct / split.count;
  };
  return { trainAccuracy: accuracy(train), validationAccuracy: accuracy(validation) };
}
