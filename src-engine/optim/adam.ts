// Adam (Kingma & Ba) with bias correction, and AdamW (Loshchilov & Hutter) whose weight decay
// is applied to the weights directly instead of through the gradient:
//   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ)
//   p ← p − lr·(m̂/(√v̂ + eps) + λ·p)        (λ = decoupled weight decay, AdamW only)
import type { Tensor } from '../core/tensor';
import { runInPlace } from '../ops/runKernel';
import { hasKernel } from '../kernels/registry';
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

  /** Every parameter in one kernel call where the backend has it (one pass, one thread hand-off). */
  protected override updateAll(params: Tensor[], lr: number): void {
    const backend = params[0]?.backend;
    if (!backend || params.some((p) => p.backend !== backend) || !hasKernel(backend.name, 'ApplyAdamAll')) {
      super.updateAll(params, lr);
      return;
    }
    const inputs = params.flatMap((p) => [p, p.grad!, ...this.slots(p, 2)]);
    const { beta1, beta2, eps } = this.settings;
    const steps = params.map((p) => this.nextStep(p));
    const weightDecays = params.map((p) => this.decayOf(p));
    runInPlace('ApplyAdamAll', inputs, { lr, beta1, beta2, eps, steps, weightDecays });
  }

  protected update(param: Tensor, grad: Tensor, lr: number): void {
    const [m, v] = this.slots(param, 2);
    const { beta1, beta2, eps } = this.settings;
    const step = this.nextStep(param);
    runInPlace('ApplyAdam', [param, grad, m, v], { lr, beta1, beta2, eps, step, weightDecay: this.decayOf(param) });
  }

  private nextStep(param: Tensor): number {
    const step = (this.stepsOf.get(param) ?? 0) + 1;
    this.stepsOf.set(param, step);
    return step;
  }

  private decayOf(param: Tensor): number {
    return isPenaltyExempt(param) ? 0 : this.settings.decoupledDecay;
  }
}
