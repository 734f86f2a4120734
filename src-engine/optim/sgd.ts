// Plain gradient descent: p ← p − lr·g.
import type { Tensor } from '../core/tensor';
import { runInPlace } from '../ops/runKernel';
import { BaseOptimizer, type CommonSettings } from './baseOptimizer';

export class SgdOptimizer extends BaseOptimizer {
  constructor(common: CommonSettings) {
    super('sgd', common);
  }

  protected update(param: Tensor, grad: Tensor, lr: number): void {
    runInPlace('ApplySgd', [param, grad], { lr });
  }
}
