// A finished run's model rebuilt in this window from its stored weights, to classify the preview's
// samples (confusion matrix) and what the user draws (drawing pad), on the CPU kernels.
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { RunCheckpoint } from '../../src-shared/api';
import type { DatasetInfo, LoadedModel } from '../../src-engine';
import { inferenceSession } from '../app/inference';

export type TrainedModel = LoadedModel;

export function loadTrainedModel(
  graph: GraphDoc,
  dataset: DatasetInfo,
  checkpoint: RunCheckpoint,
): TrainedModel | { error: string } {
  return inferenceSession().loadModel(graph, dataset, checkpoint.tensors);
}

/** Class probabilities per sample (softmax applied when the output is not already a distribution). */
export function classify(m: TrainedModel, x: Float32Array, count: number): number[][] {
  const out = inferenceSession().predict(m, x, count);
  const width = out.length / count;
  const rows: number[][] = [];
  for (let r = 0; r < count; r++) {
    let row = out.slice(r * width, (r + 1) * width);
    if (width === 1) row = [1 - row[0]!, row[0]!];
    else if (row.some((v) => v < 0) || Math.abs(row.reduce((a, b) => a + b, 0) - 1) > 1e-3) {
      const max = Math.max(...row);
      const e = row.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      row = e.map((v) => v / sum);
    }
    rows.push(row);
  }
  return rows;
}

export function argmax(row: readonly number[]): number {
  let best = 0;
  row.forEach((v, i) => {
    if (v > row[best]!) best = i;
  });
  return best;
}
