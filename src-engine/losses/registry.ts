// Loss functions in a registry, each built from differentiable ops.
import type { Tensor } from '../core/tensor';
import { Registry, type Described } from '../core/registry';
import type { ParamValues } from '../core/params';
import type { Squash } from '../layers/types';

export interface LossDef extends Described {
  name: string;
  label: string;
  /** The task it trains for: validation refuses a classification loss on a regression dataset. */
  task: 'classification' | 'regression';
  /** Which output squashing this loss absorbs for numerical stability (the model hands over logits). */
  absorbs?: Squash;
  /**
   * Mean loss over the batch; `output` and `target` are both [N, K]. `options` holds the loss's own
   * settings (declared in `params`, checked and default-filled by validation); absent, defaults apply.
   */
  compute(output: Tensor, target: Tensor, options?: ParamValues): Tensor;
}

export const lossRegistry = new Registry<LossDef>('loss', (d) => d.name);

export function registerLoss(def: LossDef): void {
  lossRegistry.register(def);
}

export function getLoss(name: string): LossDef | undefined {
  return lossRegistry.get(name);
}

export function listLosses(): LossDef[] {
  return lossRegistry.list();
}

/**
 * The loss with its checked settings bound, so every caller (training, evaluation, the gradient
 * check) computes the loss the graph asked for through the plain two-argument `compute`.
 */
export function withLossOptions(loss: LossDef, options: ParamValues): LossDef {
  if (Object.keys(options).length === 0) return loss;
  return { ...loss, compute: (output, target) => loss.compute(output, target, options) };
}
