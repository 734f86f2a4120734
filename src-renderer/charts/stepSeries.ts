// Per-step loss for long runs: averages steps into buckets that double in width whenever there
// are too many, so a 100,000-step run draws at most about 1,000 points (a chart is a few hundred pixels wide). Buckets are aligned to the step
// number, so the same steps give the same points live and when reopened from the database.
export const MAX_BUCKETS = 1024;

export class StepSeries {
  private bucketSize = 1;
  private sums: number[] = [];
  private stepSums: number[] = [];
  private counts: number[] = [];

  add(step: number, loss: number): void {
    if (!Number.isFinite(loss)) return;
    const k = Math.floor((step - 1) / this.bucketSize);
    while (this.counts.length <= k) {
      this.sums.push(0);
      this.stepSums.push(0);
      this.counts.push(0);
    }
    this.sums[k] += loss;
    this.stepSums[k] += step;
    this.counts[k] += 1;
    if (this.counts.length > MAX_BUCKETS) this.halve();
  }

  /** [step, loss] points, one per non-empty bucket. */
  points(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let k = 0; k < this.counts.length; k++) {
      const c = this.counts[k];
      if (c) out.push([this.stepSums[k] / c, this.sums[k] / c]);
    }
    return out;
  }

  get size(): number {
    return this.counts.length;
  }

  private halve(): void {
    const merge = (values: number[]) => {
      const out: number[] = [];
      for (let k = 0; k < values.length; k += 2) out.push(values[k] + (values[k + 1] ?? 0));
      return out;
    };
    this.sums = merge(this.sums);
    this.stepSums = merge(this.stepSums);
    this.counts = merge(this.counts);
    this.bucketSize *= 2;
  }
}
