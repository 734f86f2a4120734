// Metrics computed where the data lives, so a device backend reads back a few scalars every N
// steps instead of every batch's outputs: the number of correct predictions, running sums, and
// one read for many scalars at once. Built from existing ops; call them under noGrad.
import { Tensor } from '../../core/tensor';
import { add, maxPool2d, mul, reshape, scale, sub, sum, runKernel } from '../../ops';

const NONE = {} as Record<string, never>;

function sign(x: Tensor): Tensor {
  return runKernel('Sign', [x], NONE);
}

/**
 * Correct predictions in a batch as a device scalar: for several units, whether the true class
 * scores the row's maximum; for one unit, whether (output > threshold) equals the 0/1 target.
 * `target` is the batch's one-hot rows (or 0/1 column). Ties with the maximum count as correct.
 */
export function correctCount(output: Tensor, target: Tensor, threshold: number): Tensor {
  const [rows, width] = output.shape;
  if (width === 1) {
    // predicted = relu(sign(o − t)) ∈ {0, 1}; correct = y·p + (1 − y)·(1 − p)
    const predicted = runKernel('Relu', [sign(scale(output, 1, -threshold))], NONE);
    const agree = add(mul(target, predicted), mul(scale(target, -1, 1), scale(predicted, -1, 1)));
    return sum(agree);
  }
  // NOTE: the row maximum as a max-pool over a [1, rows, width, 1] image with a 1×width window;
  // there is no max-reduction kernel, and this one is exact.
  const rowMax = reshape(maxPool2d(reshape(output, [1, rows, width, 1]), [1, width], [1, width]), [rows]);
  const trueScore = sum(mul(output, target), [1]);
  // sign(true − max) is 0 where the true class is the maximum, −1 elsewhere.
  return sum(scale(sign(sub(trueScore, rowMax)), 1, 1));
}

/** Sum of squared differences (regression residuals) as a device scalar. */
export function squaredError(output: Tensor, target: Tensor): Tensor {
  const d = sub(output, target);
  return sum(mul(d, d));
}

/** A device scalar that accumulates across steps; `add` swaps in a new tensor and frees the old. */
export class Accumulator {
  private value: Tensor | null = null;

  add(x: Tensor): void {
    const previous = this.value;
    // The first total is a copy, so the accumulator never frees storage the caller owns.
    this.value = previous ? add(previous, reshape(x, [])) : scale(reshape(x, []), 1);
    previous?.dispose();
  }

  /** The current total (for keeping it alive across a scope). */
  tensor(): Tensor | null {
    return this.value;
  }

  async read(): Promise<number> {
    if (!this.value) return 0;
    return (await this.value.read())[0];
  }

  dispose(): void {
    this.value?.dispose();
    this.value = null;
  }
}

/** Values of many scalars with one read-back: concatenated on the device first. */
export async function readScalars(scalars: Tensor[]): Promise<number[]> {
  if (scalars.length === 0) return [];
  const parts = scalars.map((s) => reshape(s, [1]));
  const joined = parts.length === 1 ? parts[0] : runKernel('Concat', parts, { axis: 0 });
  const values = await joined.read();
  if (joined !== parts[0]) joined.dispose();
  return Array.from(values);
}
