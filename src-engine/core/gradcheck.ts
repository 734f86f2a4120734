// Numeric gradient check: central differences against backprop. Run it on a float64 CPU
// backend so the comparison measures the calculus, not float32 rounding.
import { Tensor, tensor } from './tensor';
import { backward, noGrad } from './autograd';
import { Rng } from './rng';
import { getKernel } from '../kernels/registry';

export interface GradCheckResult {
  /** Largest relative error per checked input (or parameter name). */
  /** maxGradient: the largest |gradient| probed (0 when every one is exactly zero: agreement then proves nothing). */
  errors: Array<{ name: string; maxRelError: number; maxAbsError: number; maxGradient: number }>;
  maxRelError: number;
}

export interface GradCheckOptions {
  epsilon?: number;
  seed?: number;
  /** Names for the inputs in the report. */
  names?: string[];
  /** Largest number of elements probed per input (random subset beyond it). */
  maxProbes?: number;
}

/**
 * Checks d(Σ w·f(inputs))/d(input) for every input with requiresGrad, with fixed random
 * weights w so every output element contributes.
 */
export function gradCheck(f: () => Tensor, inputs: Tensor[], options: GradCheckOptions = {}): GradCheckResult {
  const eps = options.epsilon ?? 1e-5;
  const rng = new Rng(options.seed ?? 7);
  const probe = f();
  const weights = tensor(
    Array.from({ length: probe.size }, () => rng.uniform(-1, 1)),
    probe.shape,
  );
  const mulKernel = getKernel(probe.backend.name, 'Mul');
  const scalarLoss = (): number =>
    noGrad(() => {
      const out = f();
      const prod = mulKernel(out.backend, [out, weights], {}) as { data: object };
      const values = out.backend.hostView(prod.data)!;
      let s = 0;
      for (let i = 0; i < values.length; i++) s += values[i];
      return s;
    });

  for (const t of inputs) t.grad = null;
  const out = f();
  backward(out, weights);

  const errors = inputs
    .map((t, k) => ({ t, name: options.names?.[k] ?? t.name ?? `input ${k}` }))
    .filter(({ t }) => t.requiresGrad)
    .map(({ t, name }) => {
      const analytic = t.grad ? t.grad.dataSync() : new Float64Array(t.size);
      const values = t.dataSync();
      const indices = pickIndices(t.size, options.maxProbes ?? 64, rng);
      let maxRel = 0;
      let maxAbs = 0;
      let maxGradient = 0;
      for (const i of indices) {
        const original = values[i];
        values[i] = original + eps;
        const plus = scalarLoss();
        values[i] = original - eps;
        const minus = scalarLoss();
        values[i] = original;
        const numeric = (plus - minus) / (2 * eps);
        const abs = Math.abs(numeric - analytic[i]);
        const rel = abs / Math.max(Math.abs(numeric) + Math.abs(analytic[i]), 1e-6);
        maxRel = Math.max(maxRel, rel);
        maxAbs = Math.max(maxAbs, abs);
        maxGradient = Math.max(maxGradient, Math.abs(numeric), Math.abs(analytic[i]));
      }
      return { name, maxRelError: maxRel, maxAbsError: maxAbs, maxGradient };
    });
  return { errors, maxRelError: Math.max(0, ...errors.map((e) => e.maxRelError)) };
}

function pickIndices(size: number, max: number, rng: Rng): number[] {
  if (size <= max) return Array.from({ length: size }, (_, i) => i);
  return Array.from(rng.permutation(size).subarray(0, max));
}
