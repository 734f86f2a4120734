// word2vec's objectives: the full softmax's SGD step against central differences of its loss on a
// tiny vocabulary, the same for the binary (negative sampling / hierarchical) step, the full
// softmax finding the planted topics, and the per-prediction cost counts on hand-computed values.
import { describe, expect, it } from 'vitest';
import '../setup';
import { buildCorpus, generatePlantedCorpus } from '../../../src-engine/data/sequences';
import { binaryStep, costPerPair, fullSoftmaxStep, meanCodeLength, trainWord2Vec } from '../../../src-engine/word2vec';
import { clusterMargins } from './clusters';

const V = 5;
const D = 4;
const h0 = Float64Array.from([0.3, -0.7, 0.5, 0.2]);
const w0 = Float64Array.from({ length: V * D }, (_, i) => Math.sin(1.7 * i + 0.4) * 0.8);

/** The full-softmax loss computed directly: −log(exp(s_t) / Σ exp(s_w)), s = W′h. */
function softmaxLoss(h: Float64Array, w: Float64Array, target: number): number {
  const s = Array.from({ length: V }, (_, r) => h.reduce((acc, x, j) => acc + x * w[r * D + j], 0));
  return Math.log(s.reduce((acc, x) => acc + Math.exp(x), 0)) - s[target];
}

/** Central difference of `loss` with respect to each entry of `x` (x is restored). */
function numericGrad(x: Float64Array, loss: () => number, eps = 1e-6): number[] {
  return Array.from(x, (_, i) => {
    const keep = x[i];
    x[i] = keep + eps;
    const up = loss();
    x[i] = keep - eps;
    const down = loss();
    x[i] = keep;
    return (up - down) / (2 * eps);
  });
}

describe('full softmax step', () => {
  it('returns the loss and moves h and every output row by −lr × the central-difference gradient', () => {
    const lr = 0.1;
    const target = 2;
    const gh = numericGrad(h0, () => softmaxLoss(h0, w0, target));
    const gw = numericGrad(w0, () => softmaxLoss(h0, w0, target));
    const output = Float64Array.from(w0);
    const update = new Float64Array(D);
    const loss = fullSoftmaxStep(h0, 0, output, V, target, D, lr, update, new Float64Array(V));
    expect(loss).toBeCloseTo(softmaxLoss(h0, w0, target), 12);
    update.forEach((u, j) => expect(u).toBeCloseTo(-lr * gh[j], 8));
    output.forEach((o, i) => expect(o - w0[i]).toBeCloseTo(-lr * gw[i], 8));
  });

  it('on a hand-computed case: h = (1, 0), rows (1, 0) and (0, 1), target 0', () => {
    // s = (1, 0), p = (e/(e+1), 1/(e+1)); loss = log(e + 1) − 1; ∂/∂s = (p0 − 1, p1).
    const out = Float64Array.from([1, 0, 0, 1]);
    const update = new Float64Array(2);
    const loss = fullSoftmaxStep(Float64Array.from([1, 0]), 0, out, 2, 0, 2, 1, update, new Float64Array(2));
    const p1 = 1 / (Math.E + 1);
    expect(loss).toBeCloseTo(Math.log(Math.E + 1) - 1, 12);
    // update = −Σ_w (p_w − [w=0]) row_w = p1·(1, 0) − p1·(0, 1)
    expect(Array.from(update)).toEqual([expect.closeTo(p1, 12), expect.closeTo(-p1, 12)]);
    // row_w −= (p_w − [w=0])·h: row0 = (1 + p1, 0), row1 = (−p1, 1)
    expect(Array.from(out)).toEqual([expect.closeTo(1 + p1, 12), 0, expect.closeTo(-p1, 12), 1]);
  });
});

describe('binary step (negative sampling, hierarchical softmax)', () => {
  it('moves h and its row by −lr × the central-difference gradient of −log σ(±h·w)', () => {
    for (const label of [0, 1]) {
      const row = 3;
      const loss = (): number => {
        const f = h0.reduce((acc, x, j) => acc + x * w0[row * D + j], 0);
        return Math.log1p(Math.exp(label === 1 ? -f : f));
      };
      const gh = numericGrad(h0, loss);
      const gw = numericGrad(w0, loss);
      const output = Float64Array.from(w0);
      const update = new Float64Array(D);
      expect(binaryStep(h0, 0, output, row, label, D, 0.5, update)).toBeCloseTo(loss(), 12);
      update.forEach((u, j) => expect(u).toBeCloseTo(-0.5 * gh[j], 8));
      output.forEach((o, i) => expect(o - w0[i]).toBeCloseTo(-0.5 * gw[i], 8));
    }
  });
});

describe('full softmax training on the planted corpus', () => {
  const corpus = buildCorpus(generatePlantedCorpus({ seed: 3 }), 'planted');

  it('skip-gram and CBOW place every topic word nearer its own topic, and the loss falls', () => {
    for (const mode of ['skipgram', 'cbow'] as const) {
      const result = trainWord2Vec(corpus, { mode, objective: 'full', dim: 16, window: 2, epochs: 5, lr: 0.05, seed: 4 });
      expect(result.lossPerEpoch[4], mode).toBeLessThan(result.lossPerEpoch[0]);
      // Loss per prediction starts near log V (a uniform guess over 38 words).
      expect(result.lossPerEpoch[0], mode).toBeLessThan(Math.log(38) + 0.1);
      expect(clusterMargins(result.vectors).worstMargin, mode).toBeGreaterThan(0);
    }
  });

  it('rejects an unknown objective', () => {
    expect(() => trainWord2Vec(corpus, { objective: 'sampled' as 'full' })).toThrow(
      'objective must be negative, hierarchical or full, got "sampled"',
    );
  });
});

describe('cost per prediction', () => {
  it('counts rows and multiply-adds: V·3d full, (mean code length)·3d hierarchical, (k+1)·3d negative', () => {
    // Huffman on counts 4, 2, 1, 1 gives code lengths 1, 2, 3, 3: mean (4·1 + 2·2 + 1·3 + 1·3) / 8 = 1.75.
    const counts = [4, 2, 1, 1];
    expect(meanCodeLength(counts)).toBe(1.75);
    expect(costPerPair('full', counts, 10)).toEqual({ rows: 4, multiplyAdds: 120 });
    expect(costPerPair('hierarchical', counts, 10)).toEqual({ rows: 1.75, multiplyAdds: 52.5 });
    expect(costPerPair('negative', counts, 10, 5)).toEqual({ rows: 6, multiplyAdds: 180 });
    // Equal counts over 1024 words: a complete tree, every code 10 = log₂ 1024 decisions long.
    expect(meanCodeLength(new Array(1024).fill(3))).toBe(10);
  });
});
