// Drawing trials from a search space: a grid's every combination, or n random trials from the
// engine's seeded generator. Trial i of a random search draws each setting from its own stream
// (seed → "trial i" → path), so the same seed gives the same trials, a longer search extends a
// shorter one, and adding a setting leaves the others' draws unchanged.
import { Rng } from '../core/rng';
import type { Assignment, Distribution, SearchParam, SearchSpec, SearchValue } from '../../src-shared/searchSpec';
import { shortLabel } from './paths';

export class SearchSpaceError extends Error {}

/** One value of a distribution from a uniform number u in [0, 1). */
export function drawValue(dist: Distribution, u: number): SearchValue {
  switch (dist.kind) {
    case 'values':
      return dist.values[Math.min(dist.values.length - 1, Math.floor(u * dist.values.length))];
    case 'uniform':
      return round(dist.min + (dist.max - dist.min) * u);
    case 'log':
      return round(Math.exp(Math.log(dist.min) + (Math.log(dist.max) - Math.log(dist.min)) * u));
    case 'int': {
      // log-spaced whole numbers: uniform in log over [min, max + 1), so each end gets its share.
      const x =
        dist.log && dist.min >= 1
          ? Math.exp(Math.log(dist.min) + (Math.log(dist.max + 1) - Math.log(dist.min)) * u)
          : dist.min + (dist.max - dist.min + 1) * u;
      return Math.min(dist.max, Math.floor(x));
    }
  }
}

/** Four significant digits: readable trial labels; the spread is unchanged at this scale. */
function round(x: number): number {
  return Number(x.toPrecision(4));
}

/** The trials of a search, in order. */
export function sampleTrials(spec: SearchSpec): Assignment[] {
  return spec.method === 'grid' ? gridTrials(spec.params) : randomTrials(spec.params, spec.trials ?? 1, spec.seed ?? 0);
}

export function randomTrials(params: SearchParam[], trials: number, seed: number): Assignment[] {
  const root = new Rng(seed).fork('search');
  return Array.from({ length: trials }, (_, i) => {
    const trial = root.fork(`trial ${i}`);
    return Object.fromEntries(params.map((p) => [p.path, drawValue(p.dist, trial.fork(p.path).next())]));
  });
}

export function gridTrials(params: SearchParam[]): Assignment[] {
  let trials: Assignment[] = [{}];
  for (const p of params) {
    if (p.dist.kind !== 'values') {
      throw new SearchSpaceError(
        `"${shortLabel(p.path)}": a grid needs a list of values (like ${shortLabel(p.path)}=0.001,0.01,0.1), not a range`,
      );
    }
    const values = [...new Set(p.dist.values)];
    trials = trials.flatMap((t) => values.map((v) => ({ ...t, [p.path]: v })));
  }
  return trials;
}

/** How many trials a spec makes, without drawing them. */
export function trialCount(spec: SearchSpec): number {
  if (spec.method === 'random') return spec.trials ?? 1;
  return spec.params.reduce((n, p) => n * (p.dist.kind === 'values' ? new Set(p.dist.values).size : 1), 1);
}

/** "lr 0.003162 · batchSize 32": a trial's values in words. */
export function describeAssignment(a: Assignment): string {
  return Object.entries(a)
    .map(([path, v]) => `${shortLabel(path)} ${String(v)}`)
    .join(' · ');
}
