// Turning rows of a dataset split into input and target tensors of one batch.
import { Tensor } from '../core/tensor';
import { getBackend } from '../core/backend';
import { sizeOf } from '../core/shape';
import type { DataSplit, Task } from '../data/types';

/** How targets are laid out for the loss: one-hot rows, a 0/1 column, or regression values. */
export interface TargetLayout {
  task: Task;
  /** Output units of the model: classes for one-hot, 1 for a single sigmoid/threshold unit. */
  width: number;
}

export function targetLayout(task: Task, outputShape: number[]): TargetLayout {
  return { task, width: sizeOf(outputShape) };
}

export class BatchMaker {
  private readonly sampleSize: number;
  constructor(
    private readonly split: DataSplit,
    private readonly inputShape: number[],
    private readonly layout: TargetLayout,
  ) {
    this.sampleSize = sizeOf(inputShape);
  }

  /** Inputs [B, ...inputShape] and targets [B, width] for the rows `indices[start..end)`. */
  make(indices: ArrayLike<number>, start: number, end: number): { x: Tensor; y: Tensor; labels: Int32Array | null } {
    const b = end - start;
    const width = this.layout.width;
    // Every input value is written below; targets are one-hot over zeros.
    const xs = hostStorage(b * this.sampleSize, false);
    const ys = hostStorage(b * width, true);
    const classification = this.layout.task === 'classification';
    const labels = classification ? new Int32Array(b) : null;
    for (let i = 0; i < b; i++) {
      const row = indices[start + i];
      xs.values.set(this.split.x.subarray(row * this.sampleSize, (row + 1) * this.sampleSize), i * this.sampleSize);
      if (classification) {
        const label = this.split.y[row];
        labels![i] = label;
        if (width === 1) ys.values[i] = label;
        else ys.values[i * width + label] = 1;
      } else {
        ys.values.set(this.split.y.subarray(row * width, (row + 1) * width), i * width);
      }
    }
    return { x: xs.tensor([b, ...this.inputShape]), y: ys.tensor([b, width]), labels };
  }
}

/**
 * Storage to fill a batch into (zeroed when `zeroed`, else left for the caller to overwrite): the
 * backend's own where it lives in host memory (the rows are copied once, straight into kernel
 * memory), else a host array uploaded afterwards.
 */
function hostStorage(size: number, zeroed: boolean): { values: Float32Array | Float64Array; tensor(shape: number[]): Tensor } {
  const backend = getBackend();
  const handle = zeroed || !backend.empty ? backend.zeros(size) : backend.empty(size);
  const view = backend.hostView(handle);
  if (view) return { values: view, tensor: (shape) => new Tensor(shape, handle, backend) };
  backend.release(handle);
  const values = new Float32Array(size);
  return { values, tensor: (shape) => new Tensor(shape, backend.upload(values, size), backend) };
}

/** Number of correct predictions: argmax for several units, a threshold for one. */
export function countCorrect(output: ArrayLike<number>, labels: Int32Array, width: number, threshold: number): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let predicted: number;
    if (width === 1) predicted = output[i] > threshold ? 1 : 0;
    else {
      predicted = 0;
      for (let j = 1; j < width; j++) if (output[i * width + j] > output[i * width + predicted]) predicted = j;
    }
    if (predicted === labels[i]) correct++;
  }
  return correct;
}
