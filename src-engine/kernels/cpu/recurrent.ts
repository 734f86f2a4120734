// Reference LSTM kernels over a whole sequence (gate order i, f, g, o): per step h·U and the gate
// math; backwards through time the same steps in reverse, and dU summed over the steps. The saved
// states are step-major, [T(+1), n, ·], so one step's rows are contiguous for the fast backend's
// GEMMs. Host-memory arrays, so the fast backend runs these for widths its kernels leave out.
import { registerKernel } from '../registry';
import type { FloatArray } from '../../core/backend';
import { CpuBackend, arr } from './cpuBackend';

export const sigmoidOf = (x: number): number => 1 / (1 + Math.exp(-x));
/**
 * Math.tanh, not 1 − 2/(1 + e²ˣ): near 0 that form cancels, and the float64 gradient checks see it.
 * (The fast backend runs its own f32 form in WebAssembly.)
 */
export const tanhOf = Math.tanh;

/**
 * Storage for a result the kernel writes completely: uninitialized where the backend has it
 * (the fast backend's pool: no zeroing pass), zeros otherwise.
 */
export function outputArray(be: unknown, size: number): FloatArray {
  const fast = be as { allocUninitialized?: (size: number) => FloatArray };
  return fast.allocUninitialized ? fast.allocUninitialized(size) : (be as CpuBackend).alloc(size);
}

/** out[b, j] = Σ_i a[aOff + b·units + i] · U[i, col + j] for j < cols (U has `width` columns). */
export function timesU(
  a: FloatArray,
  aOff: number,
  u: FloatArray,
  width: number,
  col: number,
  n: number,
  units: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(n * cols);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < units; i++) {
      const v = a[aOff + b * units + i];
      const uo = i * width + col;
      for (let j = 0; j < cols; j++) out[b * cols + j] += v * u[uo + j];
    }
  return out;
}

/** out[b, i] = Σ_j d[b, j] · U[i, col + j] for j < cols: d·U_blockᵀ. */
export function timesUT(
  d: ArrayLike<number>,
  u: FloatArray,
  width: number,
  col: number,
  n: number,
  units: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(n * units);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < units; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += d[b * cols + j] * u[i * width + col + j];
      out[b * units + i] = s;
    }
  return out;
}

/** The layer's output from the states [T + 1, n, units]: every h as [n, T, units], or the last [n, units]. */
export function sequenceOutput(be: unknown, hs: FloatArray, n: number, steps: number, units: number, all: boolean) {
  const block = n * units;
  if (!all) {
    const last = outputArray(be, block);
    last.set(hs.subarray(steps * block, (steps + 1) * block));
    return { data: last, shape: [n, units] };
  }
  const y = outputArray(be, block * steps);
  for (let t = 0; t < steps; t++)
    for (let b = 0; b < n; b++) {
      const from = (t + 1) * block + b * units;
      y.set(hs.subarray(from, from + units), (b * steps + t) * units);
    }
  return { data: y, shape: [n, steps, units] };
}

/** [T + 1, n, units] state storage whose first block is the starting state, or zeros. */
export function statesFrom(be: unknown, start: FloatArray | null, n: number, steps: number, units: number): FloatArray {
  const states = outputArray(be, (steps + 1) * n * units);
  if (start) states.set(start.subarray(0, n * units));
  else states.fill(0, 0, n * units);
  return states;
}

/** LstmSequence's saved outputs and their shapes. */
export function lstmSaved(
  hs: FloatArray,
  cs: FloatArray,
  gates: FloatArray,
  tanhC: FloatArray,
  n: number,
  steps: number,
  units: number,
) {
  return [
    { data: hs, shape: [steps + 1, n, units] },
    { data: cs, shape: [steps + 1, n, units] },
    { data: gates, shape: [steps, n, 4 * units] },
    { data: tanhC, shape: [steps, n, units] },
  ];
}

export function registerLstmKernels(): void {
  registerKernel('cpu', 'LstmSequence', (be, inputs, { hasState, returnSequences }) => {
    const [xw, uInfo, h0, c0] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 4;
    const block = n * units;
    const x = arr(xw.data);
    const u = arr(uInfo.data);
    const hs = statesFrom(be, hasState ? arr(h0.data) : null, n, steps, units);
    const cs = statesFrom(be, hasState ? arr(c0.data) : null, n, steps, units);
    const gates = outputArray(be, steps * n * width);
    const tanhC = outputArray(be, steps * block);
    for (let t = 0; t < steps; t++) {
      const state = t > 0 || hasState;
      const hu = state ? timesU(hs, t * block, u, width, 0, n, units, width) : null;
      for (let b = 0; b < n; b++) {
        const xo = (b * steps + t) * width;
        const ro = b * width;
        const go = t * n * width + ro;
        const so = t * block + b * units;
        for (let j = 0; j < units; j++) {
          let zi = x[xo + j];
          let zf = x[xo + units + j];
          let zg = x[xo + 2 * units + j];
          let zo = x[xo + 3 * units + j];
          if (hu) {
            zi += hu[ro + j];
            zf += hu[ro + units + j];
            zg += hu[ro + 2 * units + j];
            zo += hu[ro + 3 * units + j];
          }
          const i = sigmoidOf(zi);
          const f = sigmoidOf(zf);
          const g = tanhOf(zg);
          const o = sigmoidOf(zo);
          const cNext = state ? f * cs[so + j] + i * g : i * g;
          const tc = tanhOf(cNext);
          cs[so + block + j] = cNext;
          tanhC[so + j] = tc;
          hs[so + block + j] = o * tc;
          gates[go + j] = i;
          gates[go + units + j] = f;
          gates[go + 2 * units + j] = g;
          gates[go + 3 * units + j] = o;
        }
      }
    }
    return [sequenceOutput(be, hs, n, steps, units, returnSequences), ...lstmSaved(hs, cs, gates, tanhC, n, steps, units)];
  });

  registerKernel('cpu', 'LstmSequenceGrad', (be, inputs, { hasState, returnSequences }) => {
    const [dyInfo, uInfo, hsInfo, csInfo, gatesInfo, tanhCInfo] = inputs;
    const [steps, n, units] = tanhCInfo.shape;
    const width = 4 * units;
    const block = n * units;
    const dy = arr(dyInfo.data);
    const u = arr(uInfo.data);
    const hs = arr(hsInfo.data);
    const cs = arr(csInfo.data);
    const gates = arr(gatesInfo.data);
    const tanhC = arr(tanhCInfo.data);
    const dxw = outputArray(be, n * steps * width);
    const du = new Float64Array(units * width);
    let dhNext: Float64Array = new Float64Array(block);
    const dc = new Float64Array(block); // dL/dc_t from the steps after t, then dL/dc_{t−1}
    const dz = new Float64Array(n * width);
    const ySteps = returnSequences ? steps : 1;
    for (let t = steps - 1; t >= 0; t--) {
      const yStep = returnSequences ? t : t === steps - 1 ? 0 : -1;
      for (let b = 0; b < n; b++) {
        const go = (t * n + b) * width;
        const so = t * block + b * units;
        const xo = (b * steps + t) * width;
        for (let j = 0; j < units; j++) {
          const k = b * units + j;
          const dh = dhNext[k] + (yStep >= 0 ? dy[(b * ySteps + yStep) * units + j] : 0);
          const i = gates[go + j];
          const f = gates[go + units + j];
          const g = gates[go + 2 * units + j];
          const o = gates[go + 3 * units + j];
          const tc = tanhC[so + j];
          const dcT = dc[k] + dh * o * (1 - tc * tc);
          const gi = dcT * g * i * (1 - i);
          const gf = dcT * cs[so + j] * f * (1 - f);
          const gg = dcT * i * (1 - g * g);
          const gOut = dh * tc * o * (1 - o);
          const zo = b * width + j;
          dz[zo] = dxw[xo + j] = gi;
          dz[zo + units] = dxw[xo + units + j] = gf;
          dz[zo + 2 * units] = dxw[xo + 2 * units + j] = gg;
          dz[zo + 3 * units] = dxw[xo + 3 * units + j] = gOut;
          dc[k] = dcT * f;
        }
      }
      // dU += h_{t−1}ᵀ·dz_t (a zero state adds nothing).
      for (let b = 0; b < n; b++)
        for (let i = 0; i < units; i++) {
          const h = hs[t * block + b * units + i];
          for (let k = 0; k < width; k++) du[i * width + k] += h * dz[b * width + k];
        }
      dhNext = timesUT(dz, u, width, 0, n, units, width);
    }
    const duOut = outputArray(be, units * width);
    duOut.set(du);
    const grads = [
      { data: dxw, shape: [n, steps, width] },
      { data: duOut, shape: [units, width] },
    ];
    if (hasState)
      for (const v of [dhNext, dc]) {
        const d = outputArray(be, block);
        d.set(v);
        grads.push({ data: d, shape: [n, units] });
      }
    return grads;
  });
}
