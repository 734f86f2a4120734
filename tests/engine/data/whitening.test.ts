// PCA and ZCA whitening against hand-computed values: four points whose covariance is
// [[2, 1], [1, 2]] = 3·u1u1ᵀ + 1·u2u2ᵀ with u1 = (1, 1)/√2, u2 = (1, −1)/√2.
import { describe, expect, it } from 'vitest';
import { applyScaler, fitScaler } from '../../../src-engine/data/scaler';
import { symmetricEigen, MAX_WHITENING_FEATURES } from '../../../src-engine/data/whitening';
import { datasetOptionsSchema } from '../../../src-shared/graphFormat';
import type { DataSplit } from '../../../src-engine/data/types';

const r = Math.SQRT1_2;
const u1 = [r, r];
const u2 = [r, -r];
const points = [
  [Math.sqrt(6) * u1[0], Math.sqrt(6) * u1[1]],
  [-Math.sqrt(6) * u1[0], -Math.sqrt(6) * u1[1]],
  [Math.SQRT2 * u2[0], Math.SQRT2 * u2[1]],
  [-Math.SQRT2 * u2[0], -Math.SQRT2 * u2[1]],
].map(([a, b]) => [a + 5, b - 1]); // shifted: the mean (5, −1) is removed first
const split = { x: Float32Array.from(points.flat()), y: new Float32Array(4), count: 4 } as unknown as DataSplit;

function covariance(x: Float32Array, f: number): number[][] {
  const n = x.length / f;
  const mean = [...Array(f)].map((_, j) => [...Array(n)].reduce((s, _r, i) => s + x[i * f + j], 0) / n);
  return [...Array(f)].map((_, a) =>
    [...Array(f)].map(
      (_b, b) => [...Array(n)].reduce((s, _r, i) => s + (x[i * f + a] - mean[a]) * (x[i * f + b] - mean[b]), 0) / n,
    ),
  );
}

describe('whitening', () => {
  it('finds the eigenvalues and eigenvectors of a symmetric matrix', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    const big = values[0] > values[1] ? 0 : 1;
    expect(values[big]).toBeCloseTo(3, 12);
    expect(values[1 - big]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0 * 2 + big])).toBeCloseTo(r, 12);
    expect(vectors[0 * 2 + big] * vectors[1 * 2 + big]).toBeCloseTo(0.5, 12);
  });

  it('ZCA is C^(−½) = ½·[[1/√3 + 1, 1/√3 − 1], [1/√3 − 1, 1/√3 + 1]] and leaves the covariance I', () => {
    const z = fitScaler('zca', split, 2);
    if (!('matrix' in z)) throw new Error('expected a whitening');
    const a = 1 / Math.sqrt(3);
    expect(Array.from(z.mean).map((m) => Number(m.toFixed(5)))).toEqual([5, -1]);
    [(a + 1) / 2, (a - 1) / 2, (a - 1) / 2, (a + 1) / 2].forEach((v, i) => expect(z.matrix[i]).toBeCloseTo(v, 5));
    const out = applyScaler(z, split.x);
    const c = covariance(out, 2);
    expect(c[0][0]).toBeCloseTo(1, 4);
    expect(c[1][1]).toBeCloseTo(1, 4);
    expect(c[0][1]).toBeCloseTo(0, 5);
  });

  it('PCA projects on the principal axes, largest variance first, each scaled to variance 1', () => {
    const p = fitScaler('pca', split, 2);
    if (!('matrix' in p)) throw new Error('expected a whitening');
    // Row 1 = ±u1/√3, row 2 = ±u2/1.
    expect(Math.abs(p.matrix[0])).toBeCloseTo(r / Math.sqrt(3), 5);
    expect(p.matrix[0] * p.matrix[1]).toBeGreaterThan(0);
    expect(Math.abs(p.matrix[2])).toBeCloseTo(r, 5);
    expect(p.matrix[2] * p.matrix[3]).toBeLessThan(0);
    const out = applyScaler(p, split.x);
    // The first two points lie on u1: after PCA their second coordinate is 0 and the first ±√6/√3 = ±√2.
    expect(Math.abs(out[0])).toBeCloseTo(Math.SQRT2, 4);
    expect(out[1]).toBeCloseTo(0, 5);
    const c = covariance(out, 2);
    expect(c[0][0]).toBeCloseTo(1, 4);
    expect(c[0][1]).toBeCloseTo(0, 5);
  });

  it('is a scaling option of the graph format, refused for too many features with the reason', () => {
    expect(datasetOptionsSchema.parse({ scaling: 'zca' })).toEqual({ scaling: 'zca' });
    const f = MAX_WHITENING_FEATURES + 1;
    const wide = { x: new Float32Array(2 * f), y: new Float32Array(2), count: 2 } as unknown as DataSplit;
    expect(() => fitScaler('pca', wide, f)).toThrow(
      `PCA whitening handles at most ${MAX_WHITENING_FEATURES} features; this dataset has ${f} (use standard scaling)`,
    );
  });
});
