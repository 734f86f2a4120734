// The loss of a multi-output graph on one batch: each output's own loss on its own targets, and
// the total Σ weightᵢ·Lᵢ that backpropagation starts from.
import type { Tensor } from '../../core/tensor';
import { add, scale } from '../../ops';
import type { Model } from '../../graph/model';
import type { ForwardMode } from '../../layers';
import type { OutputHead } from '../../graph/outputs';
import type { HeadsBatch } from './headBatches';
import type { Squash } from '../../layers/types';

export interface HeadsForward {
  /** Each output's value (logits where its loss absorbs the squashing), in head order. */
  outputs: Tensor[];
  /** Each output's mean loss over the batch (scalar tensors). */
  losses: Tensor[];
  /** Σ weightᵢ·Lᵢ. */
  total: Tensor;
}

export function forwardHeads(
  model: Model,
  heads: readonly OutputHead[],
  logitsAt: ReadonlyMap<string, Squash>,
  batch: HeadsBatch,
  mode: ForwardMode,
): HeadsForward {
  const outputs = model.forwardOutputs(
    batch.x,
    mode,
    heads.map((h) => h.nodeId),
    logitsAt,
  );
  const losses = heads.map((h, i) => h.loss.compute(outputs[i], batch.targets[i].y));
  return { outputs, losses, total: weightedSum(losses, heads) };
}

/** Σ weightᵢ·Lᵢ, built from differentiable ops so its gradient is Σ weightᵢ·∇Lᵢ. */
export function weightedSum(losses: readonly Tensor[], heads: readonly OutputHead[]): Tensor {
  return losses.map((l, i) => scale(l, heads[i].weight)).reduce((a, b) => add(a, b));
}
