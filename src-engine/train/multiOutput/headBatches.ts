// Batches of a multi-output graph: the inputs once, and per output its own targets taken from
// its columns of the dataset's target rows (one-hot rows or a 0/1 column for a class column).
import { tensor, type Tensor } from '../../core/tensor';
import { sizeOf } from '../../core/shape';
import type { DataSplit } from '../../data/types';
import type { OutputHead } from '../../graph/outputs';

export interface HeadTargets {
  /** [B, width]: one-hot (or 0/1) rows for a class column, else the column values. */
  y: Tensor;
  /** The batch's class labels (classification outputs only). */
  labels: Int32Array | null;
}

export interface HeadsBatch {
  x: Tensor;
  targets: HeadTargets[];
  rows: number;
}

export class HeadsBatchMaker {
  private readonly sampleSize: number;

  constructor(
    private readonly split: DataSplit,
    private readonly inputShape: number[],
    private readonly heads: readonly OutputHead[],
    /** Values per target row of the dataset (all its columns). */
    private readonly rowWidth: number,
  ) {
    this.sampleSize = sizeOf(inputShape);
  }

  make(indices: ArrayLike<number>, start: number, end: number): HeadsBatch {
    const b = end - start;
    const xs = new Float32Array(b * this.sampleSize);
    for (let i = 0; i < b; i++) {
      const row = indices[start + i];
      xs.set(this.split.x.subarray(row * this.sampleSize, (row + 1) * this.sampleSize), i * this.sampleSize);
    }
    const targets = this.heads.map((head) => this.targetsOf(head, indices, start, b));
    return { x: tensor(xs, [b, ...this.inputShape]), targets, rows: b };
  }

  private targetsOf(head: OutputHead, indices: ArrayLike<number>, start: number, b: number): HeadTargets {
    const ys = new Float32Array(b * head.width);
    const y = this.split.y;
    if (head.task === 'classification') {
      const labels = new Int32Array(b);
      for (let i = 0; i < b; i++) {
        const label = y[indices[start + i] * this.rowWidth + head.columns[0]];
        labels[i] = label;
        if (head.width === 1) ys[i] = label;
        else ys[i * head.width + label] = 1;
      }
      return { y: tensor(ys, [b, head.width]), labels };
    }
    for (let i = 0; i < b; i++) {
      const row = indices[start + i] * this.rowWidth;
      head.columns.forEach((c, k) => (ys[i * head.width + k] = y[row + c]));
    }
    return { y: tensor(ys, [b, head.width]), labels: null };
  }
}

/** The squashing each output's loss absorbs, where its node ends in it (the loss then works from logits). */
export function headLogits(
  heads: readonly OutputHead[],
  squashOf: (id: string) => string | undefined,
): Map<string, NonNullable<OutputHead['loss']['absorbs']>> {
  const map = new Map<string, NonNullable<OutputHead['loss']['absorbs']>>();
  for (const h of heads) if (h.loss.absorbs && squashOf(h.nodeId) === h.loss.absorbs) map.set(h.nodeId, h.loss.absorbs);
  return map;
}

/** A single unit read as logits (binary cross-entropy, perceptron) predicts class 1 above 0; otherwise above ½. */
export function headThreshold(head: OutputHead): number {
  return head.loss.absorbs === 'sigmoid' || head.loss.absorbs === 'step' ? 0 : 0.5;
}
