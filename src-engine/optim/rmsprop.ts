// RMSprop: Adagrad with a leaky (exponentially averaged) history, so steps do not die out.
//   s ← ρs + (1−ρ)g²;  p ← p − lr·g / (√s + eps)     (eps outside the root, as PyTorch)
import type { Tensor } from '../core/tensor';
import { runInPlace } from '../ops/runKernel';
import { BaseOptimizer, type CommonSettings } from './baseOptimizer';

export class RmspropOptimizer extends BaseOptimizer {
  constructor(
    common: CommonSettings,
    private readonly rho: number,
    private readonly eps: number,
  ) {
    super('rmsprop', common);
  }

  protected update(param: Tensor, grad: Tensor, lr: number): void {
    const [meanSquare] = this.slots(param, 1);
    runInPlace('ApplyRmsprop', [param, grad, meanSquare], { lr, rho: this.rho, eps: this.eps });
  }
}
