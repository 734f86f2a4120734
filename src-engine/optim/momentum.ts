// Heavy-ball momentum and its Nesterov variant, in PyTorch's form (velocity accumulates raw
// gradients; lr multiplies at the update):
//   classic:  v ← μv + g;  p ← p − lr·v
//   nesterov: v ← μv + g;  p ← p − lr·(g + μv)
import type { Tensor } from '../core/tensor';
import { runInPlace } from '../ops/runKernel';
import { BaseOptimizer, type CommonSettings } from './baseOptimizer';

export class MomentumOptimizer extends BaseOptimizer {
  constructor(
    common: CommonSettings,
    private readonly momentum: number,
    private readonly nesterov: boolean,
  ) {
    super(nesterov ? 'nesterov' : 'momentum', common);
  }

  protected update(param: Tensor, grad: Tensor, lr: number): void {
    const [velocity] = this.slots(param, 1);
    runInPlace('ApplyMomentum', [param, grad, velocity], { lr, momentum: this.momentum, nesterov: this.nesterov });
  }
}
