// A finished run's model rebuilt in this window from its stored weights, to classify the preview's
// samples (confusion matrix) and what the user draws (drawing pad), on the CPU kernels.
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { RunCheckpoint } from '../../src-shared/api';
import { validateGraph, type DatasetInfo } from '../../src-engine';
import { Model } from '../../src-engine';
import { tensor } from '../../src-engine';
import { noGrad } from '../../src-engine';
import { Rng } from '../../src-engine';
import { withBackend } from '../../src-engine';
import { CpuBackend, registerCpuKernels } from '../../src-engine';

let cpu: CpuBackend | null = null;
function onCpu<T>(fn: () => T): T {
  registerCpuKernels();
  cpu ??= new CpuBackend('float32');
  return withBackend(cpu, fn);
}

export interface TrainedModel {
  model: Model;
  inputShape: number[];
}

export function loadTrainedModel(
  graph: GraphDoc,
  dataset: DatasetInfo,
  checkpoint: RunCheckpoint,
): TrainedModel | { error: string } {
  const v = validateGraph(graph, dataset);
  if (!v.ok) return { error: `the run's graph does not validate: ${v.issues[0]?.message ?? 'unknown problem'}` };
  return onCpu(() => {
    const model = new Model(v.validated, graph.training.seed, graph.training.initializer);
    const state = model.stateTensors();
    if (state.length !== checkpoint.tensors.length)
      return { error: `the checkpoint has ${checkpoint.tensors.length} tensors, the model ${state.length}` };
    for (let i = 0; i < state.length; i++) {
      const saved = checkpoint.tensors.find((t) => t.name === state[i]!.name) ?? checkpoint.tensors[i]!;
      if (saved.data.length !== state[i]!.size)
        return { error: `the checkpoint's ${saved.name} has ${saved.data.length} values, the model expects ${state[i]!.size}` };
      state[i]!.dataSync().set(saved.data);
    }
    return { model, inputShape: dataset.inputShape };
  });
}

/** Class probabilities per sample (softmax applied when the output is not already a distribution). */
export function classify(m: TrainedModel, x: Float32Array, count: number): number[][] {
  const out = onCpu(() =>
    noGrad(() => m.model.forward(tensor(x, [count, ...m.inputShape]), { training: false, rng: new Rng(0) }).output.toArray()),
  );
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
