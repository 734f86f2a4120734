import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { fansOf, initialValues } from '../../../src-engine/init';
import { stats } from './statistics';

function orthogonal(shape: number[], seed = 7, gain?: number): Float64Array {
  return initialValues('orthogonal', shape, { ...fansOf(shape), rng: new Rng(seed) }, gain === undefined ? {} : { gain });
}

/** Largest |(A·Aᵀ or Aᵀ·A) − scale·I| of a row-major rows×cols matrix. */
function gramError(w: Float64Array, rows: number, cols: number, of: 'rows' | 'cols', scale = 1): number {
  const n = of === 'rows' ? rows : cols;
  const len = of === 'rows' ? cols : rows;
  const at = (vec: number, k: number) => (of === 'rows' ? w[vec * cols + k] : w[k * cols + vec]);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let dot = 0;
      for (let k = 0; k < len; k++) dot += at(i, k) * at(j, k);
      worst = Math.max(worst, Math.abs(dot - (i === j ? scale : 0)));
    }
  }
  return worst;
}

describe('orthogonal initializer', () => {
  it('wide [256, 512]: orthonormal rows, W·Wᵀ = I', () => {
    expect(gramError(orthogonal([256, 512]), 256, 512, 'rows')).toBeLessThan(1e-10);
  });

  it('tall [512, 256]: orthonormal columns, Wᵀ·W = I', () => {
    expect(gramError(orthogonal([512, 256]), 512, 256, 'cols')).toBeLessThan(1e-10);
  });

  it('square [64, 64]: both W·Wᵀ and Wᵀ·W are I', () => {
    const w = orthogonal([64, 64]);
    expect(gramError(w, 64, 64, 'rows')).toBeLessThan(1e-10);
    expect(gramError(w, 64, 64, 'cols')).toBeLessThan(1e-10);
  });

  it('flattens a conv kernel [3, 3, 16, 32] to [144, 32]', () => {
    const w = orthogonal([3, 3, 16, 32]);
    expect(w.length).toBe(3 * 3 * 16 * 32);
    expect(gramError(w, 144, 32, 'cols')).toBeLessThan(1e-10);
  });

  it('scales by gain', () => {
    expect(gramError(orthogonal([32, 48], 3, 2), 32, 48, 'rows', 4)).toBeLessThan(1e-10);
  });

  it('is random, not a permuted identity: entries spread like ±1/√n', () => {
    const s = stats(orthogonal([512, 256]));
    expect(Math.abs(s.std * Math.sqrt(512) - 1)).toBeLessThan(0.03); // each column has unit length over 512 rows
    expect(s.maxAbs).toBeLessThan(0.3);
  });

  it('has no preferred sign: W[0][0] averages to 0 over many seeds', () => {
    let sum = 0;
    for (let seed = 0; seed < 400; seed++) sum += orthogonal([4, 3], seed)[0];
    // |W[0][0]| ≤ 1, so the mean of 400 has standard error ≤ 0.05
    expect(Math.abs(sum / 400)).toBeLessThan(0.15);
  });
});
