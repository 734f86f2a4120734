// Metrics computed where the data lives, so a device backend reads back a few values every N
// steps instead of every batch's outputs: correct predictions per class, squared errors, running
// sums, and one read for many scalars. Built from existing ops; call them under noGrad.
import { tensor, type Tensor } from '../core/tensor';
import { add, concat, maxPool2d, mul, reshape, scale, sub, sum, runKernel } from '../ops';

const NONE = {} as Record<string, never>;

function sign(x: Tensor): Tensor {
  return runKernel('Sign', [x], NONE);
}

/** [width] holding width − j at column j: the larger, the earlier the column. */
function earliness(width: number): Tensor {
  return tensor(
    Float32Array.from({ length: width }, (_, j) => width - j),
    [width],
  );
}

/** The maximum of each row of a [rows, width] tensor, as [rows, 1]. */
function rowMax(x: Tensor): Tensor {
  const [rows, width] = x.shape;
  // NOTE: a max-pool over a [1, rows, width, 1] image with a 1×width window; there is no
  // max-reduction kernel, and this one is exact.
  return reshape(maxPool2d(reshape(x, [1, rows, width, 1]), [1, width], [1, width]), [rows, 1]);
}

/**
 * 1 for each row of a batch predicted right, else 0, as a [rows, 1] device tensor. Several units:
 * the prediction is the first maximum of a row (as an argmax); one unit: class 1 when
 * output > threshold. `target` holds the batch's one-hot rows (or its 0/1 column). Exact: only
 * comparisons, and sums of small integers.
 */
export function correctRows(output: Tensor, target: Tensor, threshold: number): Tensor {
  const width = output.shape[1];
  if (width === 1) {
    // predicted = relu(sign(o − t)) ∈ {0, 1}; right where y·p + (1 − y)·(1 − p) = 1.
    const predicted = runKernel('Relu', [sign(scale(output, 1, -threshold))], NONE);
    return add(mul(target, predicted), mul(scale(target, -1, 1), scale(predicted, -1, 1)));
  }
  // 1 where a value is its row's maximum (values never exceed it, so the sign is −1 or 0).
  const isMax = scale(sign(sub(output, rowMax(output))), 1, 1);
  // Scores width − j at the maxima, 0 elsewhere: the row's best score marks its first maximum.
  const scores = mul(isMax, earliness(width));
  const atLabel = sum(mul(target, scores), [1], true);
  // atLabel ≤ best, equal exactly when the label is the first maximum.
  return scale(sign(sub(atLabel, rowMax(scores))), 1, 1);
}

/**
 * Right predictions per true class: [width] for several units, [2] (class 0, class 1) for one.
 */
export function correctByClass(output: Tensor, target: Tensor, threshold: number): Tensor {
  const right = correctRows(output, target, threshold);
  if (output.shape[1] !== 1) return sum(mul(target, right), [0]);
  const ones = sum(mul(target, right));
  const zeros = sum(mul(scale(target, -1, 1), right));
  return concat([reshape(zeros, [1]), reshape(ones, [1])], 0);
}

/** Right predictions of a batch as a device scalar. */
export function correctCount(output: Tensor, target: Tensor, threshold: number): Tensor {
  return sum(correctRows(output, target, threshold));
}

/** Sum of squared differences (regression residuals) as a device scalar. */
export function squaredError(output: Tensor, target: Tensor): Tensor {
  const d = sub(output, target);
  return sum(mul(d, d));
}

/** A device tensor that accumulates across steps; `add` swaps in a new tensor and frees the old. */
export class Accumulator {
  private value: Tensor | null = null;

  add(x: Tensor): void {
    const previous = this.value;
    // The first total is a copy, so the accumulator never frees storage the caller owns.
    this.value = previous ? add(previous, x) : scale(x, 1);
    previous?.dispose();
  }

  /** The current total (to keep it alive across a memory scope). */
  tensor(): Tensor | null {
    return this.value;
  }

  dispose(): void {
    this.value?.dispose();
    this.value = null;
  }
}

/** Values of several tensors with one read-back: flattened and concatenated on the device first. */
export async function readValues(tensors: Tensor[]): Promise<number[][]> {
  if (tensors.length === 0) return [];
  const parts = tensors.map((s) => reshape(s, [s.size]));
  const joined = parts.length === 1 ? parts[0] : concat(parts, 0);
  const values = await joined.read();
  if (joined !== parts[0]) joined.dispose();
  const out: number[][] = [];
  let offset = 0;
  for (const t of tensors) {
    out.push(Array.from(values.subarray(offset, offset + t.size)));
    offset += t.size;
  }
  return out;
}

/** Values of many scalars with one read-back. */
export async function readScalars(scalars: Tensor[]): Promise<number[]> {
  return (await readValues(scalars)).map((v) => v[0]);
}
