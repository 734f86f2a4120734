// The gradient check of a whole model on a few real samples: the loss's gradient with respect
// to every parameter by backprop against central differences, in float64.
import { withBackend, type Backend } from '../core/backend';
import { gradCheck } from '../core/gradcheck';
import { Rng } from '../core/rng';
import { Model } from '../graph/model';
import { BatchMaker, targetLayout } from './batches';
import type { ValidatedGraph } from '../graph/validate';
import type { DataSplit, Task } from '../data/types';

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
    const loss = validated.loss;
    const n = Math.min(options.samples ?? 4, data.split.count);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const batch = new BatchMaker(data.split, data.inputShape, targetLayout(data.task, model.outputNode.outputShape)).make(
      rows,
      0,
      n,
    );
    const logitsFor = loss.absorbs && model.outputSquash() === loss.absorbs ? loss.absorbs : undefined;
    const params = model.params();
    // Zero biases put ReLU exactly on its kink wherever the input is blank (MNIST's background),
    // where finite differences are meaningless: move biases slightly off zero first.
    const jitter = new Rng(17);
    for (const p of params) {
      if (!p.name?.endsWith('.bias')) continue;
      const v = p.dataSync();
      for (let i = 0; i < v.length; i++) v[i] += (jitter.next() < 0.5 ? -1 : 1) * jitter.uniform(0.05, 0.2);
    }
    // A fresh dropout stream per evaluation keeps the same mask across the finite differences.
    const f = () => loss.compute(model.forward(batch.x, { training: true, rng: new Rng(11) }, { logitsFor }).output, batch.y);
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
