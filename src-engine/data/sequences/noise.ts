// The noise distribution of negative sampling: word frequency to the power 0.75 (Mikolov et al.
// 2013), which gives rare words more chances than their frequency would.

export class NoiseSampler {
  private readonly cumulative: Float64Array;

  constructor(counts: readonly number[], power = 0.75) {
    this.cumulative = new Float64Array(counts.length);
    let total = 0;
    counts.forEach((c, i) => {
      total += Math.pow(c, power);
      this.cumulative[i] = total;
    });
    for (let i = 0; i < counts.length; i++) this.cumulative[i] /= total;
  }

  /** A word id for a uniform number u in [0, 1). */
  draw(u: number): number {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Chance of keeping each occurrence of a word in training (Mikolov et al. 2013): frequent words
 * ("the", "and") are mostly skipped, which speeds training and improves the rare words' vectors.
 */
export function keepProbabilities(counts: readonly number[], threshold: number): Float64Array {
  const total = counts.reduce((a, b) => a + b, 0);
  return Float64Array.from(counts, (c) => {
    if (threshold <= 0) return 1;
    const f = c / total;
    return Math.min(1, Math.sqrt(threshold / f) + threshold / f);
  });
}
