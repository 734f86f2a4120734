// Evaluation over a split in evaluation mode, on any backend: batches are queued back to back,
// their totals (loss, right predictions per class or squared error) accumulate where the data
// lives (totals.ts), and come back in one read at the end.
import { Rng } from '../core/rng';
import { noGrad } from '../core/autograd';
import type { DataHandle } from '../core/backend';
import type { Model } from '../graph/model';
import type { Squash } from '../layers/types';
import type { LossDef } from '../losses';
import type { DataSplit, Task } from '../data/types';
import { BatchMaker, targetLayout } from './batches';
import { backendOf, hasHostMemory } from './modelBackend';
import { createTotals } from './totals';
import { entropySum, hasPredictedDistribution } from './entropy';
import { Accumulator, readScalars } from './metrics';

export interface Evaluation {
  loss: number;
  /** Classification: share of correct predictions. */
  acc?: number;
  /** Classification: share of correct predictions among each class's rows (recall), NaN for a class with none. */
  classAcc?: number[];
  /** Regression: coefficient of determination, 1 − SS_res / SS_tot (1 is perfect, 0 is the mean). */
  r2?: number;
  /** Classification with softmax or sigmoid outputs: mean entropy of the predicted class distribution (nats). */
  entropy?: number;
}

export interface EvaluationSetup {
  model: Model;
  loss: LossDef;
  task: Task;
  inputShape: number[];
  batchSize: number;
}

/** Loss, and accuracy with per-class recall (classification) or R² (regression), over a split. */
export async function evaluate(
  setup: EvaluationSetup,
  split: DataSplit,
  logitsFor: Squash | undefined,
  threshold: number,
): Promise<Evaluation> {
  const { model } = setup;
  const backend = backendOf(model);
  const layout = targetLayout(setup.task, model.outputNode.outputShape);
  const classification = setup.task === 'classification';
  const maker = new BatchMaker(split, setup.inputShape, layout);
  const rows = Int32Array.from({ length: split.count }, (_, i) => i);
  const rng = new Rng(0);
  const totals = createTotals(hasHostMemory(model), classification ? 'classes' : 'squaredError', layout.width, threshold);
  const size = Math.max(setup.batchSize, 256);
  const squash = model.outputSquash();
  const entropy = classification && hasPredictedDistribution(squash) ? new Accumulator() : undefined;
  try {
    for (let start = 0; start < split.count; start += size) {
      const end = Math.min(start + size, split.count);
      const scope = backend.openScope?.();
      try {
        noGrad(() => {
          const batch = maker.make(rows, start, end);
          const { output } = model.forward(batch.x, { training: false, rng }, { logitsFor });
          totals.add({
            loss: setup.loss.compute(output, batch.y),
            output,
            target: batch.y,
            labels: batch.labels,
            rows: end - start,
          });
          if (entropy && hasPredictedDistribution(squash)) entropy.add(entropySum(output, squash, logitsFor === squash));
        });
      } finally {
        const kept = [...totals.kept(), ...model.stateTensors(), ...(entropy?.tensor() ? [entropy.tensor()!] : [])];
        scope?.release(new Set<DataHandle>(kept.map((t) => t.data)));
      }
    }
    if (split.count === 0) return { loss: NaN };
    const sums = await totals.take();
    const result: Evaluation = { loss: sums.loss / split.count };
    if (classification) {
      const counts = classCounts(split, sums.classes.length);
      result.acc = sums.correct / split.count;
      result.classAcc = sums.classes.map((right, c) => (counts[c] > 0 ? right / counts[c] : NaN));
      const total = entropy?.tensor();
      if (total) result.entropy = (await readScalars([total]))[0] / split.count;
    } else result.r2 = 1 - sums.squaredError / totalSumOfSquares(split.y, layout.width);
    return result;
  } finally {
    totals.dispose();
    entropy?.dispose();
  }
}

/** Rows of each class in a split (its y holds class indices). */
function classCounts(split: DataSplit, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < split.count; i++) counts[split.y[i]]++;
  return counts;
}

/** Σ (y − mean)² per target column, the denominator of R². */
function totalSumOfSquares(y: Float32Array, width: number): number {
  const n = y.length / width;
  let total = 0;
  for (let j = 0; j < width; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i * width + j];
    mean /= n;
    for (let i = 0; i < n; i++) total += (y[i * width + j] - mean) ** 2;
  }
  return total;
}
