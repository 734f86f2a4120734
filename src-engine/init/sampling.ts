// Filling arrays from the given stream: plain, uniform and truncated normal draws.
import type { Rng } from '../core/rng';

export function uniformValues(size: number, limit: number, rng: Rng): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.uniform(-limit, limit);
  return out;
}

export function normalValues(size: number, std: number, rng: Rng): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = std * rng.normal();
  return out;
}

/** Std of a standard normal truncated to [−2, 2]: dividing by it keeps the requested std after truncation. */
export const TRUNCATED_STD_FACTOR = 0.87962566103423978;

/**
 * Normal draws with the given std AFTER truncation: raw σ = std / 0.8796, values beyond 2σ (raw)
 * redrawn, as Keras' variance-scaling initializers do. Avoids rare huge weights.
 */
export function truncatedNormalValues(size: number, std: number, rng: Rng): Float64Array {
  const rawStd = std / TRUNCATED_STD_FACTOR;
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let z = rng.normal();
    while (Math.abs(z) > 2) z = rng.normal();
    out[i] = rawStd * z;
  }
  return out;
}
