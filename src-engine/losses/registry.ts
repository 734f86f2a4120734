// Loss functions in a registry, each built from differentiable ops.
import type { Tensor } from '../core/tensor';
import type { Squash } from '../layers/types';

export interface LossDef {
  name: string;
  label: string;
  description: string;
  /** Which output squashing this loss absorbs for numerical stability (the model hands over logits). */
  absorbs?: Squash;
  /** Mean loss over the batch; `output` and `target` are both [N, K]. */
  compute(output: Tensor, target: Tensor): Tensor;
}

const losses = new Map<string, LossDef>();

export function registerLoss(def: LossDef): void {
  losses.set(def.name, def);
}

export function getLoss(name: string): LossDef | undefined {
  return losses.get(name);
}

export function listLosses(): LossDef[] {
  return [...losses.values()];
}
