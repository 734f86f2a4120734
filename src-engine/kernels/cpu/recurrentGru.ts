// Reference GRU kernels over a whole sequence (gate order z, r, candidate; the reset gate applied
// before U_h, as the layer's composite form). Per step: h·U_zr → z, r; (r⊙h)·U_h → h̃, h. Backwards
// through time the same steps in reverse, and dU summed over the steps. The saved states are
// step-major, [T(+1), n, ·], so one step's rows are contiguous for the fast backend's GEMMs.
import { registerKernel } from '../registry';
import { arr } from './cpuBackend';
import { outputArray, sequenceOutput, sigmoidOf, statesFrom, tanhOf, timesU, timesUT } from './recurrent';
import type { FloatArray } from '../../core/backend';

export function registerGruKernels(): void {
  registerKernel('cpu', 'GruSequence', (be, inputs, { hasState, returnSequences }) => {
    const [xw, uInfo, h0] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 3;
    const block = n * units;
    const x = arr(xw.data);
    const u = arr(uInfo.data);
    const hs = statesFrom(be, hasState ? arr(h0.data) : null, n, steps, units);
    const zr = outputArray(be, steps * 2 * block);
    const rh = outputArray(be, steps * block);
    const cand = outputArray(be, steps * block);
    for (let t = 0; t < steps; t++) {
      const state = t > 0 || hasState;
      const hp = t * block;
      const hzr = state ? timesU(hs, hp, u, width, 0, n, units, 2 * units) : null;
      for (let b = 0; b < n; b++) {
        const xo = (b * steps + t) * width;
        const go = (t * n + b) * 2 * units;
        const so = b * units;
        for (let j = 0; j < units; j++) {
          const z = sigmoidOf(x[xo + j] + (hzr ? hzr[b * 2 * units + j] : 0));
          const r = sigmoidOf(x[xo + units + j] + (hzr ? hzr[b * 2 * units + units + j] : 0));
          zr[go + j] = z;
          zr[go + units + j] = r;
          rh[t * block + so + j] = state ? r * hs[hp + so + j] : 0;
        }
      }
      const hc = state ? timesU(rh, t * block, u, width, 2 * units, n, units, units) : null;
      for (let b = 0; b < n; b++) {
        const xo = (b * steps + t) * width + 2 * units;
        const go = (t * n + b) * 2 * units;
        const so = b * units;
        for (let j = 0; j < units; j++) {
          const c = tanhOf(x[xo + j] + (hc ? hc[so + j] : 0));
          const z = zr[go + j];
          cand[t * block + so + j] = c;
          // h_t = h̃ + z⊙(h_{t−1} − h̃); from a zero state h̃ − z⊙h̃.
          hs[hp + block + so + j] = state ? c + z * (hs[hp + so + j] - c) : c - z * c;
        }
      }
    }
    return [sequenceOutput(be, hs, n, steps, units, returnSequences), ...gruSaved(hs, zr, rh, cand, n, steps, units)];
  });

  registerKernel('cpu', 'GruSequenceGrad', (be, inputs, { hasState, returnSequences }) => {
    const [dyInfo, uInfo, hsInfo, zrInfo, rhInfo, candInfo] = inputs;
    const [steps, n, units] = candInfo.shape;
    const width = 3 * units;
    const block = n * units;
    const dy = arr(dyInfo.data);
    const u = arr(uInfo.data);
    const hs = arr(hsInfo.data);
    const zr = arr(zrInfo.data);
    const rh = arr(rhInfo.data);
    const cand = arr(candInfo.data);
    const dxw = outputArray(be, n * steps * width);
    const du = new Float64Array(units * width);
    let carry: Float64Array = new Float64Array(block); // dL/dh_t from the steps after t
    const dAc = new Float64Array(block);
    const dAzr = new Float64Array(2 * block);
    const dhDirect = new Float64Array(block);
    for (let t = steps - 1; t >= 0; t--) {
      const state = t > 0 || hasState;
      const hp = t * block;
      const yStep = returnSequences ? t : t === steps - 1 ? 0 : -1;
      const ySteps = returnSequences ? steps : 1;
      for (let b = 0; b < n; b++) {
        const go = (t * n + b) * 2 * units;
        const so = b * units;
        for (let j = 0; j < units; j++) {
          const dh = carry[so + j] + (yStep >= 0 ? dy[(b * ySteps + yStep) * units + j] : 0);
          const z = zr[go + j];
          const c = cand[hp + so + j];
          dAc[so + j] = dh * (1 - z) * (1 - c * c);
          dAzr[b * 2 * units + j] = dh * (hs[hp + so + j] - c) * z * (1 - z);
          dhDirect[so + j] = dh * z;
        }
      }
      const drh = state ? timesUT(dAc, u, width, 2 * units, n, units, units) : null;
      for (let b = 0; b < n; b++) {
        const go = (t * n + b) * 2 * units;
        const so = b * units;
        const xo = (b * steps + t) * width;
        for (let j = 0; j < units; j++) {
          const r = zr[go + units + j];
          const ar = drh ? drh[so + j] * hs[hp + so + j] * r * (1 - r) : 0;
          dAzr[b * 2 * units + units + j] = ar;
          dhDirect[so + j] += drh ? drh[so + j] * r : 0;
          dxw[xo + j] = dAzr[b * 2 * units + j];
          dxw[xo + units + j] = ar;
          dxw[xo + 2 * units + j] = dAc[so + j];
        }
      }
      // dU_zr += h_{t−1}ᵀ·dA_zr, dU_h += (r⊙h_{t−1})ᵀ·dA_h̃ (zero rows from a zero state add nothing).
      for (let b = 0; b < n; b++)
        for (let i = 0; i < units; i++) {
          const h = hs[hp + b * units + i];
          const g = rh[hp + b * units + i];
          for (let k = 0; k < 2 * units; k++) du[i * width + k] += h * dAzr[b * 2 * units + k];
          for (let j = 0; j < units; j++) du[i * width + 2 * units + j] += g * dAc[b * units + j];
        }
      if (state) {
        carry = timesUT(dAzr, u, width, 0, n, units, 2 * units);
        for (let k = 0; k < block; k++) carry[k] += dhDirect[k];
      }
    }
    const duOut = outputArray(be, units * width);
    duOut.set(du);
    const grads = [
      { data: dxw, shape: [n, steps, width] },
      { data: duOut, shape: [units, width] },
    ];
    if (hasState) {
      const dh0 = outputArray(be, block);
      dh0.set(carry);
      grads.push({ data: dh0, shape: [n, units] });
    }
    return grads;
  });
}

/** GruSequence's saved outputs and their shapes. */
export function gruSaved(
  hs: FloatArray,
  zr: FloatArray,
  rh: FloatArray,
  cand: FloatArray,
  n: number,
  steps: number,
  units: number,
) {
  return [
    { data: hs, shape: [steps + 1, n, units] },
    { data: zr, shape: [steps, n, 2 * units] },
    { data: rh, shape: [steps, n, units] },
    { data: cand, shape: [steps, n, units] },
  ];
}
