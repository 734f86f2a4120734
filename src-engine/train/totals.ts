// Running totals over batches (a training epoch, an evaluation): the loss summed over rows and
// one measure (right predictions, per class or in all, or the squared error). On a device they
// accumulate as tensors and come back in one read at the end; on host-memory backends the values
// are already at hand, and counting them there costs microseconds where a dozen tiny kernels cost
// a few hundred (small models would train much slower).
import type { Tensor } from '../core/tensor';
import { reshape, scale } from '../ops';
import { countCorrect } from './batches';
import { Accumulator, correctByClass, correctCount, readValues, squaredError } from './metrics';

export type Measure = 'none' | 'correct' | 'classes' | 'squaredError';

export interface BatchValues {
  /** The batch's mean loss (a scalar tensor). */
  loss: Tensor;
  output: Tensor;
  /** One-hot rows or 0/1 column of the batch (classification), or its regression targets. */
  target: Tensor;
  /** The batch's class labels (classification only). */
  labels: Int32Array | null;
  rows: number;
}

export interface Sums {
  loss: number;
  /** 'correct' and 'classes': right predictions in all. */
  correct: number;
  /** 'classes': right predictions per true class (2 for a single output unit). */
  classes: number[];
  /** 'squaredError': Σ (output − target)². */
  squaredError: number;
}

export interface Totals {
  /** Adds a batch (call under noGrad, inside the batch's memory scope). */
  add(batch: BatchValues): void;
  /** Tensors a memory scope must keep. */
  kept(): Tensor[];
  /** The sums so far; starts again from zero. */
  take(): Promise<Sums>;
  dispose(): void;
}

/** `width`: output units per row (the target layout's); `threshold`: the single unit's class-1 cut. */
export function createTotals(hostMemory: boolean, measure: Measure, width: number, threshold: number): Totals {
  return hostMemory ? new HostTotals(measure, width, threshold) : new DeviceTotals(measure, width, threshold);
}

class DeviceTotals implements Totals {
  private readonly loss = new Accumulator();
  private readonly measured = new Accumulator();

  constructor(
    private readonly measure: Measure,
    private readonly width: number,
    private readonly threshold: number,
  ) {}

  add(b: BatchValues): void {
    this.loss.add(scale(b.loss, b.rows));
    if (this.measure === 'none') return;
    if (this.measure === 'squaredError') return this.measured.add(squaredError(reshape(b.output, b.target.shape), b.target));
    const output = reshape(b.output, [b.rows, this.width]);
    this.measured.add(
      this.measure === 'classes'
        ? correctByClass(output, b.target, this.threshold)
        : correctCount(output, b.target, this.threshold),
    );
  }

  kept(): Tensor[] {
    return [this.loss.tensor(), this.measured.tensor()].filter((t): t is Tensor => t !== null);
  }

  async take(): Promise<Sums> {
    const [loss = [0], measured = [0]] = await readValues(this.kept());
    this.dispose();
    const sum = measured.reduce((a, b) => a + b, 0);
    return { loss: loss[0], correct: sum, classes: measured, squaredError: sum };
  }

  dispose(): void {
    this.loss.dispose();
    this.measured.dispose();
  }
}

class HostTotals implements Totals {
  private sums: Sums = { loss: 0, correct: 0, classes: [], squaredError: 0 };

  constructor(
    private readonly measure: Measure,
    private readonly width: number,
    private readonly threshold: number,
  ) {}

  add(b: BatchValues): void {
    this.sums.loss += b.loss.dataSync()[0] * b.rows;
    if (this.measure === 'squaredError') {
      const [out, target] = [b.output.dataSync(), b.target.dataSync()];
      for (let i = 0; i < target.length; i++) this.sums.squaredError += (out[i] - target[i]) ** 2;
    } else if (this.measure === 'correct' && b.labels) {
      this.sums.correct += countCorrect(b.output.dataSync(), b.labels, this.width, this.threshold);
    } else if (this.measure === 'classes' && b.labels) {
      const classes = this.sums.classes;
      if (classes.length === 0) classes.push(...new Array<number>(Math.max(this.width, 2)).fill(0));
      const out = b.output.dataSync();
      for (let i = 0; i < b.labels.length; i++) {
        if (
          countCorrect(
            out.subarray(i * this.width, (i + 1) * this.width),
            b.labels.subarray(i, i + 1),
            this.width,
            this.threshold,
          )
        ) {
          classes[b.labels[i]]++;
          this.sums.correct++;
        }
      }
    }
  }

  kept(): Tensor[] {
    return [];
  }

  async take(): Promise<Sums> {
    const sums = this.sums;
    this.sums = { loss: 0, correct: 0, classes: [], squaredError: 0 };
    return sums;
  }

  dispose(): void {}
}
