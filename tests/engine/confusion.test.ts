// The evaluation arithmetic against examples worked out by hand: confusion matrix, per-class
// precision/recall/F1, predictions from probabilities, worst mistakes, residuals and R²; and the
// gradient check's per-layer summary.
import { describe, expect, it } from 'vitest';
import {
  confusionCounts,
  perClassMetrics,
  predictClasses,
  residualSummary,
  rowsAreDistributions,
  rSquared,
  softmaxRows,
  worstMistakes,
} from '../../src-engine/train/confusion';
import { summarize } from '../../src-engine/hosts/node/runJob/gradcheckJob';

describe('confusion matrix and per-class metrics', () => {
  // true:      0 0 0 1 1 2 2 2 2
  // predicted: 0 0 1 0 2 2 2 0 2
  const labels = [0, 0, 0, 1, 1, 2, 2, 2, 2];
  const predicted = [0, 0, 1, 0, 2, 2, 2, 0, 2];

  it('counts rows by true class and columns by predicted class', () => {
    expect(confusionCounts(labels, predicted, 3)).toEqual([
      [2, 1, 0],
      [1, 0, 1],
      [1, 0, 3],
    ]);
  });

  it('computes precision (per column), recall (per row), F1 and support', () => {
    const m = perClassMetrics(confusionCounts(labels, predicted, 3), ['a', 'b', 'c']);
    // a: predicted 4 times, right twice → P = 1/2; 3 true, 2 found → R = 2/3; F1 = 2·(1/2)(2/3)/(7/6) = 4/7.
    expect(m[0]).toMatchObject({ className: 'a', support: 3 });
    expect(m[0]!.precision).toBeCloseTo(0.5, 12);
    expect(m[0]!.recall).toBeCloseTo(2 / 3, 12);
    expect(m[0]!.f1).toBeCloseTo(4 / 7, 12);
    // b: never predicted and never found: every share is 0, not NaN.
    expect(m[1]).toEqual({ className: 'b', precision: 0, recall: 0, f1: 0, support: 2 });
    // c: predicted 4 times, right 3 → 3/4; 4 true, 3 found → 3/4.
    expect(m[2]!.precision).toBeCloseTo(0.75, 12);
    expect(m[2]!.recall).toBeCloseTo(0.75, 12);
    expect(m[2]!.f1).toBeCloseTo(0.75, 12);
    expect(m[2]!.support).toBe(4);
  });
});

describe('predictions from model outputs', () => {
  it('takes the most probable class and its probability; a single unit is the probability of class 1', () => {
    const multi = predictClasses([0.1, 0.7, 0.2, 0.5, 0.3, 0.2], 2, 3);
    expect(Array.from(multi.predicted)).toEqual([1, 0]);
    expect(Array.from(multi.confidence)).toEqual([Math.fround(0.7), Math.fround(0.5)]);
    const single = predictClasses([0.9, 0.2], 2, 1);
    expect(Array.from(single.predicted)).toEqual([1, 0]);
    expect(single.confidence[1]).toBeCloseTo(0.8, 6);
  });

  it('turns logits into probabilities row by row, and recognises rows that already are distributions', () => {
    const p = softmaxRows(Float32Array.from([0, Math.log(3), 1000, 1000]), 2);
    expect(p[0]).toBeCloseTo(0.25, 6);
    expect(p[1]).toBeCloseTo(0.75, 6);
    // Large logits do not overflow.
    expect(p[2]).toBeCloseTo(0.5, 6);
    expect(rowsAreDistributions(p, 2)).toBe(true);
    expect(rowsAreDistributions([2, -1], 2)).toBe(false);
  });

  it('lists the mistakes, the most confident first', () => {
    const p = { predicted: Int32Array.from([1, 1, 0, 0]), confidence: Float32Array.from([0.6, 0.9, 0.99, 0.7]) };
    // Rows 0, 1 and 3 are wrong (labels 0, 0, 0, 1); row 2 is right however confident.
    expect(worstMistakes([0, 0, 0, 1], p, 2)).toEqual({ rows: [1, 3], total: 3 });
  });
});

describe('regression summaries', () => {
  it('summarises residuals (prediction − target)', () => {
    const r = residualSummary([1, 2, 3], [1, 1, 1]);
    expect(r.mean).toBeCloseTo(1, 12);
    expect(r.std).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(r.mae).toBeCloseTo(1, 12);
    expect(r.rmse).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(r.maxAbs).toBe(2);
  });

  it('computes R² as 1 − SS_res / SS_tot', () => {
    // targets 1 2 3 (mean 2, SS_tot 2), predictions 1 2 4 (SS_res 1).
    expect(rSquared([1, 2, 4], [1, 2, 3], 1)).toBeCloseTo(0.5, 12);
    expect(rSquared([1, 2, 3], [1, 2, 3], 1)).toBe(1);
  });
});

describe('gradient check summary', () => {
  it('keeps each layer’s largest error and fails a layer with any bad or NaN parameter', () => {
    const report = summarize(
      [
        { nodeId: 'h', param: 'kernel', maxRelError: 1e-8, maxAbsError: 1e-9 },
        { nodeId: 'h', param: 'bias', maxRelError: 3e-7, maxAbsError: 1e-9 },
        { nodeId: 'o', param: 'kernel', maxRelError: 1e-8, maxAbsError: 1e-9 },
        { nodeId: 'o', param: 'bias', maxRelError: NaN, maxAbsError: NaN },
      ],
      4,
    );
    expect(report.layers).toEqual([
      { nodeId: 'h', maxRelError: 3e-7, passed: true },
      { nodeId: 'o', maxRelError: NaN, passed: false },
    ]);
    expect(report.params.map((p) => p.passed)).toEqual([true, true, true, false]);
    expect(report.passed).toBe(false);
  });
});
