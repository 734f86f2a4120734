// Random search draws from its ranges with the stated distributions, reproducibly; a grid is every combination.
import { describe, expect, it } from 'vitest';
import { drawValue, gridTrials, parseParamText, randomTrials, sampleTrials, trialCount } from '../../../src-engine/search';
import type { SearchParam } from '../../../src-shared/searchSpec';

const lr: SearchParam = { path: 'training.optimizer.lr', dist: { kind: 'log', min: 1e-4, max: 1e-1 } };
const units: SearchParam = { path: 'hidden.units', dist: { kind: 'int', min: 8, max: 11 } };
const batch: SearchParam = { path: 'training.batchSize', dist: { kind: 'values', values: [16, 32, 64] } };
const rate: SearchParam = { path: 'drop.rate', dist: { kind: 'uniform', min: 0.1, max: 0.5 } };

describe('drawing one value', () => {
  it('maps u in [0, 1) onto each distribution by its formula', () => {
    // log-uniform: exp(ln 1e-4 + (ln 1e-1 − ln 1e-4)·u); u = ⅓ is one decade up.
    expect(drawValue(lr.dist, 0)).toBe(1e-4);
    expect(drawValue(lr.dist, 1 / 3)).toBeCloseTo(1e-3, 8);
    expect(drawValue(lr.dist, 0.5)).toBeCloseTo(0.003162, 6);
    expect(drawValue(rate.dist, 0.25)).toBeCloseTo(0.2, 10);
    // int over [8, 11]: four equal bins of u.
    expect([0, 0.24, 0.25, 0.5, 0.99].map((u) => drawValue(units.dist, u))).toEqual([8, 8, 9, 10, 11]);
    expect([0, 0.34, 0.67].map((u) => drawValue(batch.dist, u))).toEqual([16, 32, 64]);
  });
});

describe('random search', () => {
  const draws = randomTrials([lr, units, batch, rate], 6000, 7);

  it('draws log-uniform learning rates: each decade gets a third', () => {
    const decade = (lo: number, hi: number) =>
      draws.filter((t) => (t[lr.path] as number) >= lo && (t[lr.path] as number) < hi).length / draws.length;
    for (const [lo, hi] of [
      [1e-4, 1e-3],
      [1e-3, 1e-2],
      [1e-2, 1e-1 + 1e-12],
    ])
      expect(decade(lo, hi)).toBeCloseTo(1 / 3, 1);
    expect(draws.every((t) => (t[lr.path] as number) >= 1e-4 && (t[lr.path] as number) <= 1e-1)).toBe(true);
  });

  it('draws uniform reals with mean (min+max)/2 and whole numbers and choices equally often', () => {
    const rates = draws.map((t) => t[rate.path] as number);
    expect(rates.reduce((a, b) => a + b, 0) / rates.length).toBeCloseTo(0.3, 2);
    // Variance of U(a, b) is (b − a)²/12.
    const mean = 0.3;
    expect(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / rates.length).toBeCloseTo(0.16 / 12, 3);
    for (const u of [8, 9, 10, 11]) expect(draws.filter((t) => t[units.path] === u).length / draws.length).toBeCloseTo(0.25, 1);
    for (const b of [16, 32, 64]) expect(draws.filter((t) => t[batch.path] === b).length / draws.length).toBeCloseTo(1 / 3, 1);
  });

  it('is reproducible: the same seed gives the same trials; a longer search extends a shorter one; another seed differs', () => {
    const a = randomTrials([lr, units], 12, 3);
    expect(randomTrials([lr, units], 12, 3)).toEqual(a);
    expect(randomTrials([lr, units], 20, 3).slice(0, 12)).toEqual(a);
    expect(randomTrials([lr, units], 12, 4)).not.toEqual(a);
    // Adding a setting leaves the others' draws alone.
    expect(randomTrials([lr, units, batch], 12, 3).map((t) => t[lr.path])).toEqual(a.map((t) => t[lr.path]));
  });
});

describe('grid search', () => {
  it('makes every combination, duplicates removed, and refuses a range naming the setting', () => {
    const g = gridTrials([batch, { path: 'hidden.activation', dist: { kind: 'values', values: ['relu', 'tanh', 'relu'] } }]);
    expect(g).toHaveLength(6);
    expect(g[1]).toEqual({ 'training.batchSize': 16, 'hidden.activation': 'tanh' });
    expect(trialCount({ method: 'grid', params: [batch, batch] })).toBe(9);
    expect(() => sampleTrials({ method: 'grid', params: [lr] })).toThrow('"lr": a grid needs a list of values');
  });
});

describe('the written form of a setting', () => {
  it('reads ranges, log and int flags, and lists', () => {
    expect(parseParamText('lr=1e-4..1e-1:log')).toEqual({ name: 'lr', dist: { kind: 'log', min: 1e-4, max: 0.1 } });
    expect(parseParamText('hidden.units=8..128:int')).toEqual({ name: 'hidden.units', dist: { kind: 'int', min: 8, max: 128 } });
    expect(parseParamText('hidden.units=8..128:int:log').dist).toEqual({ kind: 'int', min: 8, max: 128, log: true });
    expect(parseParamText('drop.rate=0..0.5').dist).toEqual({ kind: 'uniform', min: 0, max: 0.5 });
    expect(parseParamText('batchSize=16,32,64').dist).toEqual({ kind: 'values', values: [16, 32, 64] });
    expect(parseParamText('hidden.activation=relu,tanh').dist).toEqual({ kind: 'values', values: ['relu', 'tanh'] });
  });

  it('explains what is wrong', () => {
    expect(() => parseParamText('lr')).toThrow('write a setting as name=values');
    expect(() => parseParamText('lr=0..1e-1:log')).toThrow('"lr": a log range starts above 0');
    expect(() => parseParamText('lr=0.1..0.01')).toThrow('"lr": a range needs min ≤ max');
    expect(() => parseParamText('lr=a..b')).toThrow('"lr": "a" is not a number');
    expect(() => parseParamText('units=1.5..4:int')).toThrow('"units"');
  });
});
