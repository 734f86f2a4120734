// The arithmetic of evaluating a trained model over a split: from per-sample class probabilities
// (or regression predictions) to a confusion matrix, per-class precision/recall/F1, the worst
// mistakes and a residual summary. Pure: no tensors, no backend.
import type { ClassMetrics } from '../../src-shared/api';

/** counts[true class][predicted class]. */
export function confusionCounts(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) counts[labels[i]][predicted[i]]++;
  return counts;
}

/** Precision (column), recall (row) and their harmonic mean per class; 0 where a share has no samples. */
export function perClassMetrics(confusion: number[][], classNames: readonly string[]): ClassMetrics[] {
  return confusion.map((row, c) => {
    const support = row.reduce((a, b) => a + b, 0);
    const predictedAs = confusion.reduce((sum, r) => sum + r[c], 0);
    const hits = row[c];
    const precision = predictedAs > 0 ? hits / predictedAs : 0;
    const recall = support > 0 ? hits / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { className: classNames[c] ?? `class ${c}`, precision, recall, f1, support };
  });
}

export interface ClassPredictions {
  /** Predicted class per sample. */
  predicted: Int32Array;
  /** Probability the model gave its predicted class. */
  confidence: Float32Array;
}

/**
 * Turns model outputs into a class and its probability per sample. `probabilities` rows are
 * distributions (width ≥ 2) or, for width 1, the probability of class 1.
 */
export function predictClasses(probabilities: ArrayLike<number>, count: number, width: number): ClassPredictions {
  const predicted = new Int32Array(count);
  const confidence = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    if (width === 1) {
      const p = probabilities[i];
      predicted[i] = p > 0.5 ? 1 : 0;
      confidence[i] = p > 0.5 ? p : 1 - p;
      continue;
    }
    let best = 0;
    for (let j = 1; j < width; j++) if (probabilities[i * width + j] > probabilities[i * width + best]) best = j;
    predicted[i] = best;
    confidence[i] = probabilities[i * width + best];
  }
  return { predicted, confidence };
}

/** Row-wise softmax (logits to probabilities), in place; numerically stable. */
export function softmaxRows(values: Float32Array, width: number): Float32Array {
  for (let r = 0; r < values.length / width; r++) {
    let max = -Infinity;
    for (let j = 0; j < width; j++) max = Math.max(max, values[r * width + j]);
    let sum = 0;
    for (let j = 0; j < width; j++) sum += values[r * width + j] = Math.exp(values[r * width + j] - max);
    for (let j = 0; j < width; j++) values[r * width + j] /= sum;
  }
  return values;
}

/** Whether each row already is a probability distribution (non-negative, summing to 1). */
export function rowsAreDistributions(values: ArrayLike<number>, width: number): boolean {
  for (let r = 0; r < values.length / width; r++) {
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const v = values[r * width + j];
      if (v < 0) return false;
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-3) return false;
  }
  return true;
}

/** Rows the model got wrong, the most confident first (ties: lower row first), at most `limit`. */
export function worstMistakes(labels: ArrayLike<number>, p: ClassPredictions, limit: number): { rows: number[]; total: number } {
  const wrong: number[] = [];
  for (let i = 0; i < labels.length; i++) if (p.predicted[i] !== labels[i]) wrong.push(i);
  const sorted = [...wrong].sort((a, b) => p.confidence[b] - p.confidence[a] || a - b);
  return { rows: sorted.slice(0, limit), total: wrong.length };
}

export interface ResidualSummary {
  mean: number;
  std: number;
  mae: number;
  rmse: number;
  maxAbs: number;
}

/** Residuals are prediction − target over every output value. */
export function residualSummary(predicted: ArrayLike<number>, target: ArrayLike<number>): ResidualSummary {
  const n = target.length;
  if (n === 0) return { mean: 0, std: 0, mae: 0, rmse: 0, maxAbs: 0 };
  let sum = 0;
  let sumSq = 0;
  let sumAbs = 0;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const r = predicted[i] - target[i];
    sum += r;
    sumSq += r * r;
    sumAbs += Math.abs(r);
    maxAbs = Math.max(maxAbs, Math.abs(r));
  }
  const mean = sum / n;
  return { mean, std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), mae: sumAbs / n, rmse: Math.sqrt(sumSq / n), maxAbs };
}

/** Coefficient of determination over all output columns together (1 − SS_res / SS_tot per column, summed). */
export function rSquared(predicted: ArrayLike<number>, target: ArrayLike<number>, width: number): number {
  const n = target.length / width;
  let ssRes = 0;
  let ssTot = 0;
  for (let j = 0; j < width; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += target[i * width + j];
    mean /= n;
    for (let i = 0; i < n; i++) {
      ssRes += (predicted[i * width + j] - target[i * width + j]) ** 2;
      ssTot += (target[i * width + j] - mean) ** 2;
    }
  }
  return ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
}
