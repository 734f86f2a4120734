// Asynchronous successive halving (ASHA, Li et al. 2018, in its stopping form as in Ray Tune's
// ASHAScheduler): rungs at minEpochs·η^k epochs. When a trial reaches a rung, it is compared with
// the trials that reached that rung before it; below the (1 − 1/η) quantile of their metric, it
// stops. Trials never wait for each other, so it works with any number running at once.
import type { HalvingSpec, SearchParam } from '../../src-shared/searchSpec';

export type HalvingDecision = 'continue' | 'stop';

export class SuccessiveHalving {
  /** Rung epochs, smallest first (all below the full budget). */
  readonly rungs: number[];
  private readonly recorded: Map<string, number>[];
  private readonly reached = new Map<string, Set<number>>();

  constructor(
    private readonly spec: HalvingSpec,
    maxEpochs: number,
    /** True when a smaller metric is better (losses). */
    private readonly lowerIsBetter: boolean,
  ) {
    this.rungs = [];
    for (let r = spec.minEpochs; r < maxEpochs; r *= spec.reduction) this.rungs.push(r);
    this.recorded = this.rungs.map(() => new Map());
  }

  /** A trial's metric after `epoch`: keep training or stop. A metric that is not a number stops it. */
  report(trial: string, epoch: number, value: number | undefined): HalvingDecision {
    const reached = this.reached.get(trial) ?? new Set<number>();
    this.reached.set(trial, reached);
    // The highest rung at or below this epoch not yet recorded for the trial.
    for (let k = this.rungs.length - 1; k >= 0; k--) {
      if (epoch < this.rungs[k] || reached.has(k)) continue;
      reached.add(k);
      if (value === undefined || !Number.isFinite(value)) return 'stop';
      const score = this.lowerIsBetter ? -value : value;
      const others = [...this.recorded[k].values()];
      this.recorded[k].set(trial, score);
      if (others.length === 0) return 'continue';
      return score < quantile(others, 1 - 1 / this.spec.reduction) ? 'stop' : 'continue';
    }
    return 'continue';
  }
}

/**
 * The epoch budget successive halving works within: the most epochs any trial trains. When epochs
 * is itself a searched setting, the base graph's epochs say nothing about the trials', so rungs
 * are laid out to the longest trial (a shorter trial simply ends before the later rungs).
 */
export function halvingBudget(trials: readonly { graph: { training: { epochs: number } } }[]): number {
  return Math.max(0, ...trials.map((t) => t.graph.training.epochs));
}

/**
 * The most epochs a trial of the search may train, before any is drawn (for the builder's check of
 * the first rung): the top of a searched `training.epochs` (canonical path), else the base graph's.
 */
export function largestEpochs(params: readonly SearchParam[], baseEpochs: number): number {
  const searched = params.find((p) => p.path === 'training.epochs');
  if (!searched) return baseEpochs;
  const d = searched.dist;
  if (d.kind !== 'values') return Math.floor(d.max);
  const numbers = d.values.filter((v): v is number => typeof v === 'number');
  return numbers.length ? Math.max(...numbers) : baseEpochs;
}

/** The q-quantile with linear interpolation between order statistics (numpy's default). */
export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}
