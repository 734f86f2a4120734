// The gradient check of a whole model on a few real samples: the loss's gradient with respect
// to every parameter by backprop against central differences, in float64.
import { withBackend, type Backend } from '../core/backend';
import { gradCheck } from '../core/gradcheck';
import { Rng } from '../core/rng';
import { Model } from '../graph/model';
import { BatchMaker, targetLayout } from './batches';
import type { ValidatedGraph } from '../graph/validate';
import type { DataSplit, Task } from '../data/types';
import type { Tensor } from '../core/tensor';
import { HeadsBatchMaker, headLogits } from './multiOutput/headBatches';
import { forwardHeads } from './multiOutput/headLoss';

export interface ParamGradError {
  nodeId: string;
  param: string;
  maxRelError: number;
  maxAbsError: number;
  maxGradient: number;
}

export function modelGradCheck(
  validated: ValidatedGraph,
  data: { split: DataSplit; task: Task; inputShape: number[] },
  float64: Backend,
  options: { samples?: number; seed?: number } = {},
): ParamGradError[] {
  return withBackend(float64, () => {
    const model = new Model(validated, options.seed ?? validated.graph.training.seed);
    const n = Math.min(options.samples ?? 4, data.split.count);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const params = model.params();
    // Zero biases put ReLU exactly on its kink wherever the input is blank (MNIST's background),
    // where finite differences are meaningless: move biases slightly off zero first.
    const jitter = new Rng(17);
    for (const p of params) {
      if (!p.name?.endsWith('.bias')) continue;
      const v = p.dataSync();
      for (let i = 0; i < v.length; i++) v[i] += (jitter.next() < 0.5 ? -1 : 1) * jitter.uniform(0.05, 0.2);
    }
    const f = lossOf(model, validated, data, rows);
    const result = gradCheck(f, params, { maxProbes: 24 });
    return result.errors.map((e) => {
      const dot = e.name.lastIndexOf('.');
      return {
        nodeId: e.name.slice(0, dot),
        param: e.name.slice(dot + 1),
        maxRelError: e.maxRelError,
        maxAbsError: e.maxAbsError,
        maxGradient: e.maxGradient,
      };
    });
  });
}

/**
 * The loss the gradient check differentiates: the output's loss, or for several outputs the
 * total Σ weightᵢ·Lᵢ (so every head's path back to the shared layers is checked at once).
 * A fresh dropout stream per evaluation keeps the same mask across the finite differences.
 */
function lossOf(
  model: Model,
  validated: ValidatedGraph,
  data: { split: DataSplit; task: Task; inputShape: number[] },
  rows: Int32Array,
): () => Tensor {
  const n = rows.length;
  if (validated.heads) {
    const heads = validated.heads;
    const rowWidth = data.split.y.length / data.split.count;
    const batch = new HeadsBatchMaker(data.split, data.inputShape, heads, rowWidth).make(rows, 0, n);
    const logitsAt = headLogits(heads, (id) => model.nodes.find((m) => m.id === id)?.instance.squash);
    return () => forwardHeads(model, heads, logitsAt, batch, { training: true, rng: new Rng(11) }).total;
  }
  const loss = validated.loss;
  const batch = new BatchMaker(data.split, data.inputShape, targetLayout(data.task, model.outputNode.outputShape)).make(
    rows,
    0,
    n,
  );
  const logitsFor = loss.absorbs && model.outputSquash() === loss.absorbs ? loss.absorbs : undefined;
  return () => loss.compute(model.forward(batch.x, { training: true, rng: new Rng(11) }, { logitsFor }).output, batch.y);
}
