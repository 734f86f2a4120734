// How far a WebGPU result is from the float64 CPU reference. The relative error of each value
// is measured against max(|reference|, 1% of the largest |reference| in the tensor), so values
// that are nearly zero by cancellation are judged by the tensor's scale, not by themselves.

export interface Diff {
  maxAbs: number;
  maxRel: number;
  /** Index of the worst value (for messages). */
  worst: number;
  size: number;
}

export function diff(gpu: ArrayLike<number>, ref: ArrayLike<number>): Diff {
  if (gpu.length !== ref.length) return { maxAbs: Infinity, maxRel: Infinity, worst: -1, size: ref.length };
  let scale = 0;
  for (let i = 0; i < ref.length; i++) scale = Math.max(scale, Math.abs(ref[i]));
  const floor = Math.max(scale * 1e-2, 1e-6);
  let maxAbs = 0;
  let maxRel = 0;
  let worst = -1;
  for (let i = 0; i < ref.length; i++) {
    const abs = Math.abs(gpu[i] - ref[i]);
    // NaN where the reference is finite counts as an infinite error.
    const rel = Number.isNaN(abs)
      ? Number.isNaN(ref[i]) && Number.isNaN(gpu[i])
        ? 0
        : Infinity
      : abs / Math.max(Math.abs(ref[i]), floor);
    if (rel > maxRel || worst < 0) {
      if (rel > maxRel) maxRel = rel;
      worst = i;
    }
    if (abs > maxAbs) maxAbs = abs;
  }
  return { maxAbs, maxRel, worst, size: ref.length };
}

/** One comparison of the parity suites, as the vitest side receives it. */
export interface ParityRow {
  suite: 'op' | 'kernel' | 'layer';
  name: string;
  caseIndex: number;
  /** 'forward', 'gradient of input 1', 'mutated input 0', ... */
  what: string;
  shapes: string;
  /** Longest sum behind one output value (sets the tolerance for long reductions). */
  terms: number;
  maxAbs: number;
  maxRel: number;
  /** Worst value: gpu vs reference. */
  sample: string;
  /** Time of the WebGPU run (compiling its programs the first time). */
  ms?: number;
}

export function row(
  base: Omit<ParityRow, 'maxAbs' | 'maxRel' | 'sample'>,
  gpu: ArrayLike<number>,
  ref: ArrayLike<number>,
): ParityRow {
  const d = diff(gpu, ref);
  const sample = d.worst >= 0 ? `[${d.worst}] ${gpu[d.worst]} vs ${ref[d.worst]}` : `${gpu.length} vs ${ref.length} values`;
  return { ...base, maxAbs: d.maxAbs, maxRel: d.maxRel, sample };
}
