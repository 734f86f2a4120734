import { describe, expect, it } from 'vitest';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { makeDataset } from '../../../src-engine/data/make-dataset';
import { applyScaler, fitScaler, oneHot, splitDataset } from '../../../src-engine/data/preprocess';
import type { Dataset } from '../../../src-engine/data/types';

const train = { x: Float32Array.from([0, 5, 10, 5, 20, 5]), y: new Float32Array(3), count: 3 }; // feature 1 is constant

/** 3 classes of 60 / 30 / 10 rows; x = row number so rows can be traced. */
function unbalanced(): Dataset {
  const y = Float32Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : i < 90 ? 1 : 2));
  return makeDataset({
    id: 'u',
    name: 'u',
    description: '',
    task: 'classification',
    inputShape: [1],
    targetShape: [1],
    classNames: ['a', 'b', 'c'],
    x: Float32Array.from({ length: 100 }, (_, i) => i),
    y,
    count: 100,
  });
}

describe('scalers', () => {
  it('min-max maps the train range to [0, 1]; a constant column becomes 0, not NaN', () => {
    const scaler = fitScaler('minmax', train, 2);
    expect(Array.from(applyScaler(scaler, train.x))).toEqual([0, 0, 0.5, 0, 1, 0]);
  });

  it('standardizing gives mean 0 and standard deviation 1; a constant column stays finite', () => {
    const scaler = fitScaler('standard', train, 2);
    const scaled = applyScaler(scaler, train.x);
    const first = [scaled[0], scaled[2], scaled[4]];
    expect(first.reduce((a, b) => a + b) / 3).toBeCloseTo(0, 6);
    expect(Math.sqrt(first.reduce((a, b) => a + b * b, 0) / 3)).toBeCloseTo(1, 5);
    expect([scaled[1], scaled[3], scaled[5]]).toEqual([0, 0, 0]);
  });

  it('is fitted on the training split only: changing validation data leaves it unchanged', () => {
    const ds = createGeneratedDataset('gaussian', { samples: 200, seed: 1 });
    const splits = splitDataset(ds, { validation: 0.25, seed: 3 });
    const before = fitScaler('standard', splits.train, 2);
    splits.validation.x.fill(1e6);
    expect(fitScaler('standard', splits.train, 2)).toEqual(before);
    // …and applying it to validation uses train statistics, so the huge values stay huge.
    expect(applyScaler(before, splits.validation.x)[0]).toBeGreaterThan(1e5);
  });

  it('returns a new array and leaves the input untouched', () => {
    const x = Float32Array.from([1, 2, 3, 4]);
    const out = applyScaler(fitScaler('minmax', { x, y: new Float32Array(2), count: 2 }, 2), x);
    expect(out).not.toBe(x);
    expect(Array.from(x)).toEqual([1, 2, 3, 4]);
  });
});

describe('oneHot', () => {
  it('encodes class indices and refuses out-of-range labels', () => {
    expect(Array.from(oneHot([2, 0], 3))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => oneHot([3], 3)).toThrow(/label 3 in row 1/);
  });
});

describe('splitDataset', () => {
  it('stratifies: each class is split in proportion', () => {
    const { train: tr, validation, test } = splitDataset(unbalanced(), { validation: 0.2, test: 0.1, seed: 5 });
    const counts = (y: Float32Array) => [0, 1, 2].map((c) => y.filter((v) => v === c).length);
    expect(counts(validation.y)).toEqual([12, 6, 2]);
    expect(counts(test!.y)).toEqual([6, 3, 1]);
    expect(counts(tr.y)).toEqual([42, 21, 7]);
    // Rows are kept whole and no row is in two splits.
    const all = [...tr.x, ...validation.x, ...test!.x].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    tr.x.forEach((row, i) => expect(tr.y[i]).toBe(row < 60 ? 0 : row < 90 ? 1 : 2));
  });

  it('is determined by the seed', () => {
    const a = splitDataset(unbalanced(), { validation: 0.3, seed: 8 });
    const b = splitDataset(unbalanced(), { validation: 0.3, seed: 8 });
    const c = splitDataset(unbalanced(), { validation: 0.3, seed: 9 });
    expect(b.validation.x).toEqual(a.validation.x);
    expect(c.validation.x).not.toEqual(a.validation.x);
  });

  it('keeps a dataset’s fixed test split instead of cutting a new one', () => {
    const ds = { ...unbalanced(), test: { x: Float32Array.of(-1), y: Float32Array.of(0), count: 1 } };
    const splits = splitDataset(ds, { validation: 0.2, test: 0.2, seed: 1 });
    expect(splits.test).toBe(ds.test);
    expect(splits.train.count + splits.validation.count).toBe(100);
  });

  it('refuses fractions that leave nothing to train on', () => {
    expect(() => splitDataset(unbalanced(), { validation: 0.6, test: 0.4, seed: 1 })).toThrow(/add up to less than 1/);
  });

  it('splits regression rows without stratifying', () => {
    const { train: tr, validation } = splitDataset(createGeneratedDataset('sine', { samples: 100 }), {
      validation: 0.25,
      seed: 2,
    });
    expect([tr.count, validation.count]).toEqual([75, 25]);
  });
});
