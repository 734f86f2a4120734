// What every optimizer does around its update rule: the schedule, penalties, clipping, and
// lazily created per-parameter state that lives on the parameter's backend.
import { Tensor } from '../core/tensor';
import { learningRateAt } from './schedules';
import { applyPenalties, clipByGlobalNorm, paramsWithGrad, unshareGradients } from './gradients';
import { applyL1Proximal, type Penalties } from './penalty';
import type { Optimizer, ScheduleSettings } from './types';

/** Settings common to all rules, already resolved (defaults filled, coupled decay folded into l2). */
export interface CommonSettings {
  lr: number;
  l1: number;
  l2: number;
  /** Apply l1 as a soft-threshold step after the update (proximal) instead of in the gradient. */
  l1Proximal?: boolean;
  clipNorm?: number;
  schedule?: ScheduleSettings;
}

export abstract class BaseOptimizer implements Optimizer {
  private lr: number;
  /** Number of step() calls so far. */
  iterations = 0;
  private readonly state = new WeakMap<Tensor, Tensor[]>();
  private readonly allSlots: Tensor[] = [];

  constructor(
    readonly name: string,
    protected readonly common: CommonSettings,
  ) {
    this.lr = learningRateAt(common.lr, common.schedule, 0);
  }

  get currentLr(): number {
    return this.lr;
  }

  get penalties(): Penalties {
    return { l1: this.common.l1, l2: this.common.l2, l1Proximal: this.common.l1Proximal === true };
  }

  setEpoch(epoch: number): void {
    this.lr = learningRateAt(this.common.lr, this.common.schedule, epoch);
  }

  step(params: Tensor[]): void {
    const live = paramsWithGrad(params);
    unshareGradients(live);
    const proximal = this.common.l1Proximal === true;
    applyPenalties(live, proximal ? 0 : this.common.l1, this.common.l2);
    if (this.common.clipNorm !== undefined) clipByGlobalNorm(live, this.common.clipNorm);
    this.updateAll(live, this.lr);
    // Proximal L1: the penalty's own step, after the loss's (proximal gradient descent).
    if (proximal) applyL1Proximal(live, this.common.l1, this.lr);
    this.iterations++;
  }

  stateTensors(): Tensor[] {
    return this.allSlots;
  }

  /** Applies the rule to every parameter with a gradient; a rule with a one-call kernel overrides it. */
  protected updateAll(params: Tensor[], lr: number): void {
    for (const p of params) this.update(p, p.grad!, lr);
  }

  /** Applies the rule's in-place kernel to one parameter. */
  protected abstract update(param: Tensor, grad: Tensor, lr: number): void;

  /** The param's `count` state tensors (velocity, moments, ...), zero-filled on first use. */
  protected slots(param: Tensor, count: number): Tensor[] {
    let slots = this.state.get(param);
    if (!slots) {
      slots = Array.from({ length: count }, () => new Tensor(param.shape, param.backend.zeros(param.size), param.backend));
      this.state.set(param, slots);
      this.allSlots.push(...slots);
    }
    return slots;
  }
}
