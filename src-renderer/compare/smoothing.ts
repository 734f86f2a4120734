// Curve smoothing and seed bands for comparing runs.

/**
 * TensorBoard-style exponential moving average with debiasing: the first points are not
 * dragged towards zero. weight 0 returns the raw values; non-finite values pass through.
 */
export function exponentialSmoothing(values: readonly number[], weight: number): number[] {
  if (weight < 0 || weight >= 1) throw new Error(`smoothing weight must be in [0, 1), got ${weight}`);
  const out: number[] = [];
  let last = 0;
  let count = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(v);
      continue;
    }
    last = last * weight + (1 - weight) * v;
    count++;
    out.push(weight === 0 ? v : last / (1 - Math.pow(weight, count)));
  }
  return out;
}

export interface BandPoint {
  x: number;
  mean: number;
  std: number;
  /** How many series had a value at this x. */
  n: number;
}

/**
 * Mean ± sample standard deviation across series at each x present in any of them
 * (runs that differ only by seed). With one series at an x, std is 0.
 */
export function meanStdBand(series: ReadonlyArray<ReadonlyArray<{ x: number; y: number }>>): BandPoint[] {
  const byX = new Map<number, number[]>();
  for (const s of series) {
    for (const { x, y } of s) {
      if (!Number.isFinite(y)) continue;
      const list = byX.get(x) ?? [];
      list.push(y);
      byX.set(x, list);
    }
  }
  return [...byX.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([x, ys]) => {
      const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
      const variance = ys.length > 1 ? ys.reduce((a, y) => a + (y - mean) ** 2, 0) / (ys.length - 1) : 0;
      return { x, mean, std: Math.sqrt(variance), n: ys.length };
    });
}

/** Index of the best value (lowest for losses, highest for accuracies); -1 if none is finite. */
export function bestIndex(values: readonly (number | undefined)[], higherIsBetter: boolean): number {
  let best = -1;
  values.forEach((v, i) => {
    if (v === undefined || !Number.isFinite(v)) return;
    if (best < 0 || (higherIsBetter ? v > values[best]! : v < values[best]!)) best = i;
  });
  return best;
}
