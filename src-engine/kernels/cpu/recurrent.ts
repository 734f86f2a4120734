// Fused LSTM step kernels: the gate math of one time step in one pass over [n, units], so a
// step costs one GEMM (h·U) and one of these instead of ~17 small kernels. Host-memory arrays,
// so the fast backend runs them too (its registry falls back to 'cpu' for these names).
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

export function registerLstmKernels(): void {
  registerKernel('cpu', 'LstmCell', (be, inputs, { step, hasState }) => {
    const [xw, hu, cPrev] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 4;
    const x = arr(xw.data);
    const r = arr(hasState ? hu.data : xw.data);
    const cp = hasState ? arr(cPrev.data) : null;
    const h = outputArray(be, n * units);
    const c = outputArray(be, n * units);
    const tanhC = outputArray(be, n * units);
    const gates = outputArray(be, n * width);
    for (let b = 0; b < n; b++) {
      const xo = (b * steps + step) * width;
      const ro = b * width;
      const so = b * units;
      for (let j = 0; j < units; j++) {
        let zi = x[xo + j];
        let zf = x[xo + units + j];
        let zg = x[xo + 2 * units + j];
        let zo = x[xo + 3 * units + j];
        if (cp) {
          zi += r[ro + j];
          zf += r[ro + units + j];
          zg += r[ro + 2 * units + j];
          zo += r[ro + 3 * units + j];
        }
        const i = sigmoidOf(zi);
        const f = sigmoidOf(zf);
        const g = tanhOf(zg);
        const o = sigmoidOf(zo);
        const cNext = cp ? f * cp[so + j] + i * g : i * g;
        const tc = tanhOf(cNext);
        c[so + j] = cNext;
        tanhC[so + j] = tc;
        h[so + j] = o * tc;
        gates[ro + j] = i;
        gates[ro + units + j] = f;
        gates[ro + 2 * units + j] = g;
        gates[ro + 3 * units + j] = o;
      }
    }
    return [
      { data: h, shape: [n, units] },
      { data: c, shape: [n, units] },
      { data: gates, shape: [n, width] },
      { data: tanhC, shape: [n, units] },
    ];
  });

  registerKernel('cpu', 'LstmCellGrad', (be, inputs, { hasState, hasNext, outStep }) => {
    let k = 0;
    const gatesT = inputs[k++];
    const tanhC = arr(inputs[k++].data);
    const cPrev = hasState ? arr(inputs[k++].data) : null;
    const dcNext = hasNext ? arr(inputs[k++].data) : null;
    const dhNext = hasNext ? arr(inputs[k++].data) : null;
    const dyInfo = outStep >= 0 ? inputs[k] : null;
    const dy = dyInfo ? arr(dyInfo.data) : null;
    const dySteps = dyInfo ? dyInfo.shape[1] : 0;
    const [n, width] = gatesT.shape;
    const units = width / 4;
    const gates = arr(gatesT.data);
    const dz = outputArray(be, n * width);
    const dcPrev = outputArray(be, n * units);
    for (let b = 0; b < n; b++) {
      const go = b * width;
      const so = b * units;
      const yo = (b * dySteps + outStep) * units;
      for (let j = 0; j < units; j++) {
        let dh = dhNext ? dhNext[so + j] : 0;
        if (dy) dh += dy[yo + j];
        const i = gates[go + j];
        const f = gates[go + units + j];
        const g = gates[go + 2 * units + j];
        const o = gates[go + 3 * units + j];
        const tc = tanhC[so + j];
        const dc = (dcNext ? dcNext[so + j] : 0) + dh * o * (1 - tc * tc);
        const dO = dh * tc;
        dz[go + j] = dc * g * i * (1 - i);
        dz[go + units + j] = cPrev ? dc * cPrev[so + j] * f * (1 - f) : 0;
        dz[go + 2 * units + j] = dc * i * (1 - g * g);
        dz[go + 3 * units + j] = dO * o * (1 - o);
        dcPrev[so + j] = dc * f;
      }
    }
    return [
      { data: dz, shape: [n, width] },
      { data: dcPrev, shape: [n, units] },
    ];
  });
}
