// Per-output figures of a multi-output graph over an epoch or a split, summed on the host (these
// graphs train on the CPU): each output's loss, right predictions (class columns) or squared and
// absolute errors (value columns), then its accuracy, R² and mean absolute error.
import { countCorrect } from '../batches';
import type { DataSplit } from '../../data/types';
import type { OutputHead } from '../../graph/outputs';
import type { OutputMetrics } from '../../../src-shared/engineEvents';
import type { HeadsBatch } from './headBatches';
import type { HeadsForward } from './headLoss';
import { headThreshold } from './headBatches';

interface HeadSums {
  loss: number;
  correct: number;
  squaredError: number;
  absoluteError: number;
}

const zero = (): HeadSums => ({ loss: 0, correct: 0, squaredError: 0, absoluteError: 0 });

export class HeadTotals {
  private sums: HeadSums[];
  private total = 0;
  private rows = 0;

  constructor(private readonly heads: readonly OutputHead[]) {
    this.sums = heads.map(zero);
  }

  /** Adds a batch's figures (host memory: reads are synchronous). */
  add(batch: HeadsBatch, f: HeadsForward): void {
    this.rows += batch.rows;
    this.total += f.total.dataSync()[0] * batch.rows;
    this.heads.forEach((head, i) => {
      const s = this.sums[i];
      s.loss += f.losses[i].dataSync()[0] * batch.rows;
      const out = f.outputs[i].dataSync();
      const target = batch.targets[i];
      if (target.labels) s.correct += countCorrect(out, target.labels, head.width, headThreshold(head));
      else {
        const y = target.y.dataSync();
        for (let k = 0; k < y.length; k++) {
          s.squaredError += (out[k] - y[k]) ** 2;
          s.absoluteError += Math.abs(out[k] - y[k]);
        }
      }
    });
  }

  /** Mean weighted total loss, and each output's figures; starts again from zero. */
  take(split: DataSplit, rowWidth: number): { loss: number; outputs: Record<string, OutputFigures> } {
    const n = Math.max(this.rows, 1);
    const outputs: Record<string, OutputFigures> = {};
    this.heads.forEach((head, i) => {
      const s = this.sums[i];
      const figures: OutputFigures = { loss: s.loss / n };
      if (head.metrics.includes('accuracy')) figures.acc = s.correct / n;
      if (head.metrics.includes('mae')) figures.mae = s.absoluteError / (n * head.width);
      if (head.metrics.includes('r2')) figures.r2 = 1 - s.squaredError / totalSumOfSquares(split, rowWidth, head.columns);
      outputs[head.nodeId] = figures;
    });
    const loss = this.total / n;
    this.sums = this.heads.map(zero);
    this.total = 0;
    this.rows = 0;
    return { loss, outputs };
  }
}

export interface OutputFigures {
  loss: number;
  acc?: number;
  r2?: number;
  mae?: number;
}

/** Σ (y − mean)² over an output's columns of a split: the denominator of its R². */
function totalSumOfSquares(split: DataSplit, rowWidth: number, columns: readonly number[]): number {
  let total = 0;
  for (const c of columns) {
    let mean = 0;
    for (let i = 0; i < split.count; i++) mean += split.y[i * rowWidth + c];
    mean /= split.count;
    for (let i = 0; i < split.count; i++) total += (split.y[i * rowWidth + c] - mean) ** 2;
  }
  return total;
}

/** An epoch event's per-output figures: the training split's and, when there is one, the validation split's. */
export function outputMetrics(
  train: Record<string, OutputFigures>,
  validation: Record<string, OutputFigures> | undefined,
): Record<string, OutputMetrics> {
  const out: Record<string, OutputMetrics> = {};
  for (const [id, t] of Object.entries(train)) {
    const v = validation?.[id];
    out[id] = {
      trainLoss: t.loss,
      ...(t.acc !== undefined ? { trainAcc: t.acc } : {}),
      ...(t.mae !== undefined ? { trainMae: t.mae } : {}),
      ...(t.r2 !== undefined ? { trainR2: t.r2 } : {}),
      ...(v ? { valLoss: v.loss } : {}),
      ...(v?.acc !== undefined ? { valAcc: v.acc } : {}),
      ...(v?.mae !== undefined ? { valMae: v.mae } : {}),
      ...(v?.r2 !== undefined ? { valR2: v.r2 } : {}),
    };
  }
  return out;
}
