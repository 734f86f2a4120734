// Comparison math: smoothing, seed bands, best epochs, differing settings, graph diffs.
import { describe, expect, it } from 'vitest';
import { bestIndex, exponentialSmoothing, meanStdBand } from '../../../src-renderer/compare/smoothing';
import { diffGraphs, differingSettings, flatten } from '../../../src-renderer/compare/runDiff';
import { chain } from '../graphs';

describe('exponential smoothing', () => {
  it('is the debiased moving average', () => {
    const w = 0.6;
    const s = exponentialSmoothing([1, 2, 3], w);
    // EMA_t = w·EMA_{t−1} + (1−w)·v_t, divided by 1 − wᵗ.
    const e1 = 0.4 * 1;
    const e2 = w * e1 + 0.4 * 2;
    const e3 = w * e2 + 0.4 * 3;
    expect(s[0]).toBeCloseTo(e1 / (1 - w), 12);
    expect(s[1]).toBeCloseTo(e2 / (1 - w * w), 12);
    expect(s[2]).toBeCloseTo(e3 / (1 - w ** 3), 12);
    expect(s[0]).toBe(1); // debiased: the first point is not pulled towards 0
  });
  it('returns the raw curve at weight 0, keeps constants constant and passes NaN through', () => {
    expect(exponentialSmoothing([3, 1, 4], 0)).toEqual([3, 1, 4]);
    for (const v of exponentialSmoothing([5, 5, 5, 5], 0.9)) expect(v).toBeCloseTo(5, 12);
    expect(exponentialSmoothing([1, NaN, 1], 0.5)[1]).toBeNaN();
    expect(() => exponentialSmoothing([1], 1)).toThrow(/\[0, 1\)/);
  });
});

describe('seed bands', () => {
  it('gives mean ± sample std per x, with the count of runs', () => {
    const band = meanStdBand([
      [
        { x: 1, y: 1 },
        { x: 2, y: 4 },
      ],
      [
        { x: 1, y: 3 },
        { x: 2, y: 6 },
      ],
      [{ x: 1, y: 5 }],
    ]);
    expect(band).toEqual([
      { x: 1, mean: 3, std: 2, n: 3 },
      { x: 2, mean: 5, std: Math.SQRT2, n: 2 },
    ]);
  });
  it('finds the best epoch', () => {
    expect(bestIndex([0.9, 0.5, 0.7, undefined], false)).toBe(1);
    expect(bestIndex([0.2, 0.8, 0.7], true)).toBe(1);
    expect(bestIndex([NaN], true)).toBe(-1);
  });
});

describe('differing settings', () => {
  it('shows only the settings that differ', () => {
    const base = { optimizer: { name: 'adam', lr: 0.01 }, batchSize: 32, seed: 1, initializer: 'he_normal' };
    const { keys, rows } = differingSettings([
      { id: 'a', settings: base },
      { id: 'b', settings: { ...base, optimizer: { name: 'sgd', lr: 0.01 } } },
      { id: 'c', settings: { ...base, seed: 2, optimizer: { name: 'adam', lr: 0.01, beta1: 0.8 } } },
    ]);
    expect(keys).toEqual(['optimizer.beta1', 'optimizer.name', 'seed']);
    expect(rows[1]).toEqual({ id: 'b', values: { 'optimizer.beta1': null, 'optimizer.name': 'sgd', seed: 1 } });
  });
  it('flattens nested values and arrays', () => {
    expect(flatten({ a: { b: 1, c: [2, 3] }, d: 'x' })).toEqual({ 'a.b': 1, 'a.c': '[2,3]', d: 'x' });
  });
});

describe('graph diff', () => {
  it('lists added, removed and changed layers and edges', () => {
    const a = chain([
      ['in', 'Input'],
      ['h', 'Dense', { units: 8 }],
      ['drop', 'Dropout', { rate: 0.5 }],
      ['out', 'Dense', { units: 2 }],
    ]);
    const b = chain([
      ['in', 'Input'],
      ['h', 'Dense', { units: 16 }],
      ['bn', 'BatchNorm'],
      ['out', 'Dense', { units: 2 }],
    ]);
    const d = diffGraphs(a, b);
    expect(d.added).toEqual([{ id: 'bn', type: 'BatchNorm' }]);
    expect(d.removed).toEqual([{ id: 'drop', type: 'Dropout' }]);
    expect(d.changed).toEqual([{ id: 'h', type: 'Dense', changes: [{ field: 'params.units', before: 8, after: 16 }] }]);
    expect(d.addedEdges).toEqual([
      { source: 'h', target: 'bn' },
      { source: 'bn', target: 'out' },
    ]);
    expect(d.removedEdges).toEqual([
      { source: 'h', target: 'drop' },
      { source: 'drop', target: 'out' },
    ]);
    expect(diffGraphs(a, a)).toEqual({ added: [], removed: [], changed: [], addedEdges: [], removedEdges: [] });
  });
});
