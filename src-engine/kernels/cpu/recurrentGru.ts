// Fused GRU step kernels (gate order z, r, candidate; the reset gate applied before U_h, as the
// layer's composite form): per step h·U_zr → GruGates → (r⊙h)·U_h → GruCell, and backwards
// GruCellGrad → dAc·U_hᵀ → GruGatesGrad → dA_zr·U_zrᵀ.
import { registerKernel } from '../registry';
import { arr } from './cpuBackend';
import { outputArray, sigmoidOf, tanhOf } from './recurrent';

export function registerGruKernels(): void {
  registerKernel('cpu', 'GruGates', (be, inputs, { step, hasState }) => {
    const [xw, hzr, hPrev] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 3;
    const x = arr(xw.data);
    const r = hasState ? arr(hzr.data) : null;
    const h = hasState ? arr(hPrev.data) : null;
    const zr = outputArray(be, n * 2 * units);
    const rh = outputArray(be, n * units);
    for (let b = 0; b < n; b++) {
      const xo = (b * steps + step) * width;
      const go = b * 2 * units;
      const so = b * units;
      for (let j = 0; j < units; j++) {
        const z = sigmoidOf(x[xo + j] + (r ? r[go + j] : 0));
        const reset = sigmoidOf(x[xo + units + j] + (r ? r[go + units + j] : 0));
        zr[go + j] = z;
        zr[go + units + j] = reset;
        rh[so + j] = h ? reset * h[so + j] : 0;
      }
    }
    return [
      { data: zr, shape: [n, 2 * units] },
      { data: rh, shape: [n, units] },
    ];
  });

  registerKernel('cpu', 'GruCell', (be, inputs, { step, hasState }) => {
    const [xw, zrInfo, hcInfo, hPrev] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 3;
    const x = arr(xw.data);
    const zr = arr(zrInfo.data);
    const hc = hasState ? arr(hcInfo.data) : null;
    const h = hasState ? arr(hPrev.data) : null;
    const hNext = outputArray(be, n * units);
    const candidate = outputArray(be, n * units);
    for (let b = 0; b < n; b++) {
      const xo = (b * steps + step) * width + 2 * units;
      const go = b * 2 * units;
      const so = b * units;
      for (let j = 0; j < units; j++) {
        const cand = tanhOf(x[xo + j] + (hc ? hc[so + j] : 0));
        const z = zr[go + j];
        candidate[so + j] = cand;
        // h_t = h̃ + z⊙(h_{t−1} − h̃); from a zero state h̃ − z⊙h̃.
        hNext[so + j] = h ? cand + z * (h[so + j] - cand) : cand - z * cand;
      }
    }
    return [
      { data: hNext, shape: [n, units] },
      { data: candidate, shape: [n, units] },
    ];
  });

  registerKernel('cpu', 'GruCellGrad', (be, inputs, { hasState, hasNext, outStep }) => {
    let k = 0;
    const zrInfo = inputs[k++];
    const candidate = arr(inputs[k++].data);
    const h = hasState ? arr(inputs[k++].data) : null;
    const carryA = hasNext ? arr(inputs[k++].data) : null;
    const carryB = hasNext ? arr(inputs[k++].data) : null;
    const dyInfo = outStep >= 0 ? inputs[k] : null;
    const dy = dyInfo ? arr(dyInfo.data) : null;
    const dySteps = dyInfo ? dyInfo.shape[1] : 0;
    const zr = arr(zrInfo.data);
    const n = zrInfo.shape[0];
    const units = zrInfo.shape[1] / 2;
    const alloc = (size: number) => outputArray(be, size);
    const dAc = alloc(n * units);
    const dAz = alloc(n * units);
    const dhDirect = alloc(n * units);
    for (let b = 0; b < n; b++) {
      const go = b * 2 * units;
      const so = b * units;
      const yo = (b * dySteps + outStep) * units;
      for (let j = 0; j < units; j++) {
        let dh = carryA && carryB ? carryA[so + j] + carryB[so + j] : 0;
        if (dy) dh += dy[yo + j];
        const z = zr[go + j];
        const cand = candidate[so + j];
        const hp = h ? h[so + j] : 0;
        dAc[so + j] = dh * (1 - z) * (1 - cand * cand);
        dAz[so + j] = dh * (hp - cand) * z * (1 - z);
        dhDirect[so + j] = dh * z;
      }
    }
    return [
      { data: dAc, shape: [n, units] },
      { data: dAz, shape: [n, units] },
      { data: dhDirect, shape: [n, units] },
    ];
  });

  registerKernel('cpu', 'GruGatesGrad', (be, inputs, { hasState }) => {
    const [zrInfo, hInfo, drhInfo, dAzInfo, dAcInfo, dhDirectInfo] = hasState
      ? inputs
      : [null, null, null, inputs[0], inputs[1], null];
    const n = dAzInfo!.shape[0];
    const units = dAzInfo!.shape[1];
    const dAz = arr(dAzInfo!.data);
    const dAc = arr(dAcInfo!.data);
    const zr = zrInfo ? arr(zrInfo.data) : null;
    const h = hInfo ? arr(hInfo.data) : null;
    const drh = drhInfo ? arr(drhInfo.data) : null;
    const dhDirect = dhDirectInfo ? arr(dhDirectInfo.data) : null;
    const alloc = (size: number) => outputArray(be, size);
    const dxw = alloc(n * 3 * units);
    const dAzr = alloc(n * 2 * units);
    const dhPart = alloc(n * units);
    for (let b = 0; b < n; b++) {
      const xo = b * 3 * units;
      const go = b * 2 * units;
      const so = b * units;
      for (let j = 0; j < units; j++) {
        const az = dAz[so + j];
        let ar = 0;
        let dhp = 0;
        if (zr && h && drh && dhDirect) {
          const reset = zr[go + units + j];
          ar = drh[so + j] * h[so + j] * reset * (1 - reset);
          dhp = dhDirect[so + j] + drh[so + j] * reset;
        }
        dhPart[so + j] = dhp;
        dxw[xo + j] = az;
        dxw[xo + units + j] = ar;
        dxw[xo + 2 * units + j] = dAc[so + j];
        dAzr[go + j] = az;
        dAzr[go + units + j] = ar;
      }
    }
    return [
      { data: dxw, shape: [n, 3 * units] },
      { data: dAzr, shape: [n, 2 * units] },
      { data: dhPart, shape: [n, units] },
    ];
  });
}
