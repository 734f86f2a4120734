// Adam (Kingma & Ba) with bias correction, and AdamW (Loshchilov & Hutter) whose weight decay
// is applied to the weights directly instead of through the gradient:
//   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ)
//   p ← p − lr·(m̂/(√v̂ + eps) + λ·p)        (λ = decoupled weight decay, AdamW only)
import type { Tensor } from '../core/tensor';
import { runInPlace } from '../ops/runKernel';
import { BaseOptimizer, type CommonSettings } from './baseOptimizer';
import { isPenaltyExempt } from './gradients';

export interface AdamSettings {
  beta1: number;
  beta2: number;
  eps: number;
  /** Decoupled decay λ (0 for plain Adam, whose weightDecay is folded into l2 instead). */
  decoupledDecay: number;
}

export class AdamOptimizer extends BaseOptimizer {
  // Per-parameter t, as PyTorch: a param skipped in some steps keeps a correct bias correction.
  private readonly stepsOf = new WeakMap<Tensor, number>();

  constructor(
    name: 'adam' | 'adamw',
    common: CommonSettings,
    private readonly settings: AdamSettings,
  ) {
    super(name, common);
  }

  protected update(param: Tensor, grad: Tensor, lr: number): void {
    const [m, v] = this.slots(param, 2);
    const step = (this.stepsOf.get(param) ?? 0) + 1;
    this.stepsOf.set(param, step);
    const { beta1, beta2, eps, decoupledDecay } = this.settings;
    const weightDecay = isPenaltyExempt(param) ? 0 : decoupledDecay;
    runInPlace('ApplyAdam', [param, grad, m, v], { lr, beta1, beta2, eps, step, weightDecay });
  }
}
