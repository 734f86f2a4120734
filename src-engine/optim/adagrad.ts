// Adagrad: each weight's step shrinks with its own history of squared gradients.
//   a ← a + g²;  p ← p − lr·g / (√a + eps)
import type { Tensor } from '../core/tensor';
import { runInPlace } from '../ops/runKernel';
import { BaseOptimizer, type CommonSettings } from './baseOptimizer';

export class AdagradOptimizer extends BaseOptimizer {
  constructor(
    common: CommonSettings,
    private readonly eps: number,
  ) {
    super('adagrad', common);
  }

  protected update(param: Tensor, grad: Tensor, lr: number): void {
    const [accum] = this.slots(param, 1);
    runInPlace('ApplyAdagrad', [param, grad, accum], { lr, eps: this.eps });
  }
}
