// Evaluation (loss, accuracy or R²) over a split on a device backend: batches are queued back to
// back, their totals accumulate on the device, and two scalars are read once at the end.
import { Rng } from '../../core/rng';
import { getBackend } from '../../core/backend';
import { noGrad } from '../../core/autograd';
import { scale } from '../../ops';
import { runInScope } from '../../kernels/webgpu/scope';
import { BatchMaker, targetLayout } from '../../train/batches';
import type { Evaluation, TrainSetup } from '../../train/trainer';
import type { DataSplit } from '../../data/types';
import { Accumulator, correctCount, readScalars, squaredError } from './deviceMetrics';

export async function evaluateOnDevice(
  setup: Pick<TrainSetup, 'model' | 'loss' | 'task' | 'inputShape' | 'batchSize'>,
  split: DataSplit,
  logitsFor: 'softmax' | 'sigmoid' | undefined,
  threshold: number,
): Promise<Evaluation> {
  const backend = getBackend();
  const state = setup.model.stateTensors();
  const layout = targetLayout(setup.task, setup.model.outputNode.outputShape);
  const maker = new BatchMaker(split, setup.inputShape, layout);
  const rows = Int32Array.from({ length: split.count }, (_, i) => i);
  const rng = new Rng(0);
  const lossSum = new Accumulator();
  const metricSum = new Accumulator();
  const size = Math.max(setup.batchSize, 256);
  try {
    for (let start = 0; start < split.count; start += size) {
      const end = Math.min(start + size, split.count);
      runInScope(
        backend,
        state,
        () =>
          noGrad(() => {
            const batch = maker.make(rows, start, end);
            const { output } = setup.model.forward(batch.x, { training: false, rng }, { logitsFor });
            lossSum.add(scale(setup.loss.compute(output, batch.y), end - start));
            metricSum.add(setup.task === 'classification' ? correctCount(output, batch.y, threshold) : squaredError(output, batch.y));
          }),
        () => [lossSum.tensor()!, metricSum.tensor()!],
      );
    }
    const [loss, metric] = await readScalars([lossSum.tensor()!, metricSum.tensor()!]);
    const result: Evaluation = { loss: loss / split.count };
    if (setup.task === 'classification') result.acc = metric / split.count;
    else result.r2 = 1 - metric / totalSumOfSquares(split.y, layout.width);
    return result;
  } finally {
    lossSum.dispose();
    metricSum.dispose();
  }
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
