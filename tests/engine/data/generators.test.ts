import { describe, expect, it } from 'vitest';
import { catalogueEntry, createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { DatasetError } from '../../../src-engine/data/errors';
import { splitDataset } from '../../../src-engine/data/preprocess';
import type { Dataset } from '../../../src-engine/data/types';
import { trainTinyMlp } from './tiny-mlp';

const POINT_SETS = ['circle', 'xor2d', 'gaussian', 'spiral', 'moons'] as const;

function classCounts(ds: Dataset): number[] {
  const counts = new Array(ds.classNames!.length).fill(0);
  for (const label of ds.y) counts[label]++;
  return counts;
}

function maxAbs(values: Float32Array): number {
  return values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

describe.each(POINT_SETS)('%s generator', (id) => {
  it('has 2 inputs, balanced classes and finite values in the Playground range', () => {
    const ds = createGeneratedDataset(id, { samples: 301, seed: 3 });
    expect(ds.task).toBe('classification');
    expect(ds.inputShape).toEqual([2]);
    expect(ds.targetShape).toEqual([1]);
    expect(ds.count).toBe(301);
    expect(ds.x).toHaveLength(602);
    expect(ds.y).toHaveLength(301);
    expect(ds.classNames).toHaveLength(2);
    const [a, b] = classCounts(ds);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    expect(ds.x.every(Number.isFinite)).toBe(true);
    expect(maxAbs(ds.x)).toBeLessThan(8);
    expect(maxAbs(ds.x)).toBeGreaterThan(1);
  });

  it('is reproducible from its seed, and other seeds give other data', () => {
    const a = createGeneratedDataset(id, { seed: 11 });
    const b = createGeneratedDataset(id, { seed: 11 });
    const c = createGeneratedDataset(id, { seed: 12 });
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(b.hash).toBe(a.hash);
    expect(c.x).not.toEqual(a.x);
    expect(c.hash).not.toBe(a.hash);
  });

  it('interleaves the classes instead of listing them class by class', () => {
    const ds = createGeneratedDataset(id, { samples: 200 });
    const firstHalf = ds.y.subarray(0, 100);
    expect(new Set(firstHalf).size).toBe(2);
  });
});

describe('regression generators', () => {
  it('sine: y ≈ sin(x) for x in [-π, π], wider with more periods', () => {
    const ds = createGeneratedDataset('sine', { samples: 500, noise: 0, seed: 1 });
    expect(ds.task).toBe('regression');
    expect(ds.inputShape).toEqual([1]);
    expect(ds.classNames).toBeUndefined();
    for (let i = 0; i < ds.count; i++) {
      expect(Math.abs(ds.x[i])).toBeLessThanOrEqual(Math.PI + 1e-6);
      expect(ds.y[i]).toBeCloseTo(Math.sin(ds.x[i]), 5);
    }
    const wide = createGeneratedDataset('sine', { periods: 3, seed: 1 });
    expect(maxAbs(wide.x)).toBeGreaterThan(Math.PI * 2);
  });

  it('sine noise has about the requested standard deviation', () => {
    const ds = createGeneratedDataset('sine', { samples: 4000, noise: 0.2, seed: 5 });
    let squares = 0;
    for (let i = 0; i < ds.count; i++) squares += (ds.y[i] - Math.sin(ds.x[i])) ** 2;
    expect(Math.sqrt(squares / ds.count)).toBeCloseTo(0.2, 1);
  });

  it('plane: y = (x1 + x2) / 12 without noise, inputs in [-6, 6]', () => {
    const ds = createGeneratedDataset('plane', { samples: 100, noise: 0, seed: 2 });
    expect(ds.inputShape).toEqual([2]);
    expect(maxAbs(ds.x)).toBeLessThanOrEqual(6);
    for (let i = 0; i < ds.count; i++) expect(ds.y[i]).toBeCloseTo((ds.x[2 * i] + ds.x[2 * i + 1]) / 12, 5);
  });

  it('regression generators are reproducible from their seed', () => {
    for (const id of ['sine', 'plane']) {
      expect(createGeneratedDataset(id, { seed: 4 }).hash).toBe(createGeneratedDataset(id, { seed: 4 }).hash);
      expect(createGeneratedDataset(id, { seed: 4 }).hash).not.toBe(createGeneratedDataset(id, { seed: 5 }).hash);
    }
  });
});

describe('logic gates', () => {
  it.each([
    ['and', [0, 0, 0, 1]],
    ['or', [0, 1, 1, 1]],
    ['nand', [1, 1, 1, 0]],
    ['xor', [0, 1, 1, 0]],
  ])('%s has the 4-row truth table', (id, outputs) => {
    const ds = createGeneratedDataset(id);
    expect(ds.count).toBe(4);
    expect(Array.from(ds.x)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(ds.y)).toEqual(outputs);
    expect(ds.classNames).toEqual(['0', '1']);
  });

  it('not has the 2-row truth table of one input', () => {
    const ds = createGeneratedDataset('not');
    expect(ds.count).toBe(2);
    expect(ds.inputShape).toEqual([1]);
    expect(Array.from(ds.x)).toEqual([0, 1]);
    expect(Array.from(ds.y)).toEqual([1, 0]);
    expect(catalogueEntry('not')).toMatchObject({ inputShape: [1], count: 2, task: 'classification' });
  });
});

describe('generator options', () => {
  it('refuses nonsense sample counts and noise, naming the option', () => {
    expect(() => createGeneratedDataset('circle', { samples: 1 })).toThrow(/^circle: samples must be a whole number/);
    expect(() => createGeneratedDataset('circle', { samples: 10.5 })).toThrow(DatasetError);
    expect(() => createGeneratedDataset('moons', { noise: -1 })).toThrow(/noise/);
    expect(() => createGeneratedDataset('sine', { periods: 0 })).toThrow(/periods/);
  });

  it('refuses an id that is not generated', () => {
    expect(() => createGeneratedDataset('mnist')).toThrow(/not a generated dataset.*spiral/);
  });

  it('more noise spreads the gaussian clusters', () => {
    const spread = (noise: number) => {
      const ds = createGeneratedDataset('gaussian', { samples: 2000, noise, seed: 9 });
      let sum = 0;
      for (let i = 0; i < ds.count; i++) sum += Math.abs(ds.x[2 * i] - (ds.y[i] === 0 ? 2 : -2));
      return sum / ds.count;
    };
    expect(spread(0.5)).toBeGreaterThan(spread(0) * 2);
  });
});

describe('spiral with default options', () => {
  it('is learnable to ≥ 0.95 validation accuracy by a small MLP', () => {
    const ds = createGeneratedDataset('spiral');
    expect(ds.count).toBeGreaterThanOrEqual(400);
    const { train, validation } = splitDataset(ds, { validation: 0.2, seed: 7 });
    const result = trainTinyMlp(train, validation, 2, { hidden: 16, steps: 700, learningRate: 0.03 });
    expect(result.validationAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
