import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { fansOf, initialValues, type InitOptions } from '../../../src-engine/init';
import { stats } from './statistics';

const shape = [512, 256]; // fanIn 512, fanOut 256, 131072 samples
const { fanIn, fanOut } = fansOf(shape);

function sample(name: string, options?: InitOptions): Float64Array {
  return initialValues(name, shape, { fanIn, fanOut, rng: new Rng(42) }, options);
}

/** std within 3% of the textbook value, mean within a few standard errors of 0. */
function expectCentred(values: Float64Array, std: number): void {
  const s = stats(values);
  expect(values.length).toBe(512 * 256);
  expect(Math.abs(s.std / std - 1), `std ${s.std} vs ${std}`).toBeLessThan(0.03);
  expect(Math.abs(s.mean), `mean ${s.mean}`).toBeLessThan(0.02 * std);
}

/** U(±limit): never beyond the limit, nearly reaching it, std limit/√3. */
function expectUniform(values: Float64Array, limit: number): void {
  expectCentred(values, limit / Math.sqrt(3));
  const s = stats(values);
  expect(s.maxAbs).toBeLessThanOrEqual(limit);
  expect(s.maxAbs).toBeGreaterThan(0.999 * limit);
}

/** Truncated at 2σ_raw with σ_raw = std/0.87962566: nothing beyond, edge nearly reached. */
function expectTruncated(values: Float64Array, std: number): void {
  expectCentred(values, std);
  const edge = (2 * std) / 0.87962566;
  const s = stats(values);
  expect(s.maxAbs).toBeLessThanOrEqual(edge);
  expect(s.maxAbs).toBeGreaterThan(0.99 * edge);
}

describe('initializer distributions on [512, 256]', () => {
  it('zeros and constant', () => {
    expect(sample('zeros').every((v) => v === 0)).toBe(true);
    expect(sample('constant').every((v) => v === 0.1)).toBe(true);
    expect(sample('constant', { value: -0.7 }).every((v) => v === -0.7)).toBe(true);
  });

  it('normal: N(0, 0.05²) by default, any std on request', () => {
    expectCentred(sample('normal'), 0.05);
    const wide = sample('normal', { std: 1 });
    expectCentred(wide, 1);
    expect(stats(wide).maxAbs).toBeGreaterThan(3.5); // untruncated: 4σ values occur among 131072 draws
  });

  it('uniform: U(±0.05) by default, any limit on request', () => {
    expectUniform(sample('uniform'), 0.05);
    expectUniform(sample('uniform', { limit: 0.3 }), 0.3);
  });

  it('standard: U(±1/√fan_in)', () => {
    expectUniform(sample('standard'), 1 / Math.sqrt(512));
  });

  it('xavier_normal: N(0, 2/(fan_in + fan_out))', () => {
    expectCentred(sample('xavier_normal'), Math.sqrt(2 / (512 + 256)));
  });

  it('xavier_uniform: U(±√(6/(fan_in + fan_out)))', () => {
    expectUniform(sample('xavier_uniform'), Math.sqrt(6 / (512 + 256)));
  });

  it('he_normal: truncated at 2σ_raw, std √(2/fan_in) after truncation', () => {
    expectTruncated(sample('he_normal'), Math.sqrt(2 / 512));
  });

  it('he_uniform: U(±√(6/fan_in))', () => {
    expectUniform(sample('he_uniform'), Math.sqrt(6 / 512));
  });

  it('lecun_normal: truncated at 2σ_raw, std √(1/fan_in) after truncation', () => {
    expectTruncated(sample('lecun_normal'), Math.sqrt(1 / 512));
  });

  it('rejects bad options and missing fans with plain messages', () => {
    expect(() => sample('normal', { std: -1 })).toThrow(/Standard deviation must be above 0/);
    expect(() => initialValues('he_normal', [4, 4], { fanIn: 0, fanOut: 4, rng: new Rng(1) })).toThrow(/fanIn > 0/);
  });
});
