// The LSTM and GRU as whole-sequence kernels on the fast backend (kernels/wasm/kernels/recurrent.ts:
// GEMMs per step, gate math in f32x4); widths that are not a multiple of 4, or storage from another
// backend, go to the reference kernels.
import { getKernel, registerKernel } from '../../registry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import { gemmInto } from './linalg';
import { gruSaved } from '../../cpu/recurrentGru';
import { lstmSaved, sequenceOutput, statesFrom } from '../../cpu/recurrent';

/** Rough single-thread cost of one unit of one row (five exps and the rest), for the thread split. */
const NS_PER_UNIT = 6;

export function registerFastRecurrentKernels(): void {
  // The whole sequence in one call: per step h·U and lstmCell into buffers allocated once.
  registerKernel(FAST_CPU, 'LstmSequence', (backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    const [xw, u, h0, c0] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 4;
    if (units % 4 !== 0 || !inputs.every((t) => be.owns(t.data))) return getKernel('cpu', 'LstmSequence')(backend, inputs, attrs);
    const block = n * units;
    const hs = statesFrom(be, attrs.hasState ? (h0.data as Float32Array) : null, n, steps, units);
    const cs = statesFrom(be, attrs.hasState ? (c0.data as Float32Array) : null, n, steps, units);
    const gates = be.allocUninitialized(steps * n * width);
    const tanhC = be.allocUninitialized(steps * block);
    const hu = be.allocUninitialized(n * width);
    const x = be.address(xw.data);
    const uAddr = be.address(u.data);
    try {
      for (let t = 0; t < steps; t++) {
        const state = t > 0 || attrs.hasState ? 1 : 0;
        const h = hs.byteOffset + t * block * 4;
        if (state) gemmInto(be, hu.byteOffset, h, uAddr, n, units, width, false, false);
        const out = [
          h + block * 4,
          cs.byteOffset + (t + 1) * block * 4,
          gates.byteOffset + t * n * width * 4,
          tanhC.byteOffset + t * block * 4,
        ];
        const args = [x, hu.byteOffset, cs.byteOffset + t * block * 4, ...out, steps * width * 4, t * width * 4, units, state];
        be.runtime.run('lstmCell', args, n, 1, units * NS_PER_UNIT);
      }
    } finally {
      be.release(hu);
    }
    return [sequenceOutput(be, hs, n, steps, units, attrs.returnSequences), ...lstmSaved(hs, cs, gates, tanhC, n, steps, units)];
  });

  // Backwards through time: per step lstmCellGrad and dz·Uᵀ; then dU = Σ_t h_{t−1}ᵀ·dz_t in one
  // GEMM over the stacked steps.
  registerKernel(FAST_CPU, 'LstmSequenceGrad', (backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    const [dy, u, hsInfo, csInfo, gatesInfo, tanhCInfo] = inputs;
    const [steps, n, units] = tanhCInfo.shape;
    if (units % 4 !== 0 || !inputs.every((t) => be.owns(t.data)))
      return getKernel('cpu', 'LstmSequenceGrad')(backend, inputs, attrs);
    const width = 4 * units;
    const block = n * units;
    const dxw = be.allocUninitialized(n * steps * width);
    const du = be.allocUninitialized(units * width);
    const dh = be.allocUninitialized(block);
    const dc = be.allocUninitialized(block);
    const dzAll = be.allocUninitialized(steps * n * width);
    const [hs, cs, gates, tanhC, uAddr] = [hsInfo, csInfo, gatesInfo, tanhCInfo, u].map((t) => be.address(t.data));
    const dyBase = be.address(dy.data);
    const ySteps = attrs.returnSequences ? steps : 1;
    try {
      for (let t = steps - 1; t >= 0; t--) {
        const dz = dzAll.byteOffset + t * n * width * 4;
        const hasDy = attrs.returnSequences || t === steps - 1 ? 1 : 0;
        const dyT = dyBase + (attrs.returnSequences ? t * units * 4 : 0);
        const args = [
          gates + t * n * width * 4,
          tanhC + t * block * 4,
          cs + t * block * 4,
          dh.byteOffset,
          dc.byteOffset,
          dyT,
          ySteps * units * 4,
        ];
        const out = [dz, dxw.byteOffset + t * width * 4, steps * width * 4, units, t < steps - 1 ? 1 : 0, hasDy];
        be.runtime.run('lstmCellGrad', [...args, ...out], n, 1, units * NS_PER_UNIT);
        if (t > 0 || attrs.hasState) gemmInto(be, dh.byteOffset, dz, uAddr, n, width, units, false, true);
      }
      gemmInto(be, du.byteOffset, hs, dzAll.byteOffset, units, steps * n, width, true, false);
    } finally {
      be.release(dzAll);
    }
    const grads = [
      { data: dxw, shape: [n, steps, width] },
      { data: du, shape: [units, width] },
    ];
    if (!attrs.hasState) {
      be.release(dh);
      be.release(dc);
      return grads;
    }
    return [...grads, { data: dh, shape: [n, units] }, { data: dc, shape: [n, units] }];
  });
}

/** The GRU's gate passes: fewer exps per unit than the LSTM (two and one). */
const NS_PER_GRU_UNIT = 3;

/** U [units, 3·units] → U_zr [units, 2·units] and U_h [units, units], contiguous for the GEMMs. */
function splitU(be: FastCpuBackend, u: Float32Array, units: number): [Float32Array, Float32Array] {
  const uzr = be.allocUninitialized(2 * units * units);
  const uh = be.allocUninitialized(units * units);
  for (let i = 0; i < units; i++) {
    const row = i * 3 * units;
    uzr.set(u.subarray(row, row + 2 * units), i * 2 * units);
    uh.set(u.subarray(row + 2 * units, row + 3 * units), i * units);
  }
  return [uzr, uh];
}

/** Frees kernel scratch. */
function releaseAll(be: FastCpuBackend, scratch: Float32Array[]): void {
  for (const s of scratch) be.release(s);
}

export function registerFastGruKernels(): void {
  // The whole sequence in one call: per step h·U_zr, gruGates, (r⊙h)·U_h, gruCell, all into
  // buffers allocated once (no per-step tensors).
  registerKernel(FAST_CPU, 'GruSequence', (backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    const [xw, u, h0] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 3;
    if (units % 4 !== 0 || !inputs.every((t) => be.owns(t.data))) return getKernel('cpu', 'GruSequence')(backend, inputs, attrs);
    const block = n * units;
    const hs = statesFrom(be, attrs.hasState ? (h0.data as Float32Array) : null, n, steps, units);
    const zr = be.allocUninitialized(steps * 2 * block);
    const rh = be.allocUninitialized(steps * block);
    const cand = be.allocUninitialized(steps * block);
    const scratch = [
      ...splitU(be, u.data as Float32Array, units),
      be.allocUninitialized(2 * block),
      be.allocUninitialized(block),
    ];
    const [uzr, uh, hzr, hc] = scratch.map((a) => a.byteOffset);
    const x = be.address(xw.data);
    try {
      for (let t = 0; t < steps; t++) {
        const state = t > 0 || attrs.hasState ? 1 : 0;
        const h = hs.byteOffset + t * block * 4;
        const zrT = zr.byteOffset + t * 2 * block * 4;
        const rhT = rh.byteOffset + t * block * 4;
        const rowBytes = steps * width * 4;
        if (state) gemmInto(be, hzr, h, uzr, n, units, 2 * units, false, false);
        be.runtime.run('gruGates', [x, hzr, h, zrT, rhT, rowBytes, t * width * 4, units, state], n, 1, units * NS_PER_GRU_UNIT);
        if (state) gemmInto(be, hc, rhT, uh, n, units, units, false, false);
        const args = [x, zrT, hc, h, h + block * 4, cand.byteOffset + t * block * 4, rowBytes, t * width * 4, units, state];
        be.runtime.run('gruCell', args, n, 1, units * NS_PER_GRU_UNIT);
      }
    } finally {
      releaseAll(be, scratch);
    }
    return [sequenceOutput(be, hs, n, steps, units, attrs.returnSequences), ...gruSaved(hs, zr, rh, cand, n, steps, units)];
  });

  // Backwards through time: per step gruCellGrad, dA_h̃·U_hᵀ, gruGatesGrad, dA_zr·U_zrᵀ; then dU
  // from the stacked steps in two GEMMs.
  registerKernel(FAST_CPU, 'GruSequenceGrad', (backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    const [dy, u, hsInfo, zrInfo, rhInfo, candInfo] = inputs;
    const [steps, n, units] = candInfo.shape;
    if (units % 4 !== 0 || !inputs.every((t) => be.owns(t.data)))
      return getKernel('cpu', 'GruSequenceGrad')(backend, inputs, attrs);
    const width = 3 * units;
    const block = n * units;
    const dxw = be.allocUninitialized(n * steps * width);
    const du = be.allocUninitialized(units * width);
    const [uzrArr, uhArr] = splitU(be, u.data as Float32Array, units);
    const scratch = [uzrArr, uhArr];
    const alloc = (size: number) => {
      const a = be.allocUninitialized(size);
      scratch.push(a);
      return a.byteOffset;
    };
    const [uzr, uh] = [uzrArr.byteOffset, uhArr.byteOffset];
    const dAzrAll = alloc(steps * 2 * block);
    const dAcAll = alloc(steps * block);
    const [dhDirect, drh, dhPart, carry] = [0, 1, 2, 3].map(() => alloc(block));
    const [hs, zr, rh, cand] = [hsInfo, zrInfo, rhInfo, candInfo].map((t) => be.address(t.data));
    const dyBase = be.address(dy.data);
    const ySteps = attrs.returnSequences ? steps : 1;
    try {
      for (let t = steps - 1; t >= 0; t--) {
        const state = t > 0 || attrs.hasState ? 1 : 0;
        const h = hs + t * block * 4;
        const zrT = zr + t * 2 * block * 4;
        const dAzr = dAzrAll + t * 2 * block * 4;
        const dAc = dAcAll + t * block * 4;
        const hasDy = attrs.returnSequences || t === steps - 1 ? 1 : 0;
        const dyT = dyBase + (attrs.returnSequences ? t * units * 4 : 0);
        const cellArgs = [zrT, cand + t * block * 4, h, dhPart, carry, dyT, ySteps * units * 4, dAc, dAzr, dhDirect, units];
        be.runtime.run('gruCellGrad', [...cellArgs, t < steps - 1 ? 1 : 0, hasDy], n, 1, units * NS_PER_GRU_UNIT);
        if (state) gemmInto(be, drh, dAc, uh, n, units, units, false, true);
        const gateArgs = [
          zrT,
          h,
          drh,
          dAc,
          dAzr,
          dhDirect,
          dxw.byteOffset + t * width * 4,
          steps * width * 4,
          dhPart,
          units,
          state,
        ];
        be.runtime.run('gruGatesGrad', gateArgs, n, 1, units * NS_PER_GRU_UNIT);
        if (state) gemmInto(be, carry, dAzr, uzr, n, 2 * units, units, false, true);
      }
      // dU_zr = Σ_t h_{t−1}ᵀ·dA_zr,t and dU_h = Σ_t (r⊙h_{t−1})ᵀ·dA_h̃,t over the stacked steps.
      const duzr = be.allocUninitialized(2 * units * units);
      const duh = be.allocUninitialized(units * units);
      scratch.push(duzr, duh);
      gemmInto(be, duzr.byteOffset, hs, dAzrAll, units, steps * n, 2 * units, true, false);
      gemmInto(be, duh.byteOffset, rh, dAcAll, units, steps * n, units, true, false);
      for (let i = 0; i < units; i++) {
        du.set(duzr.subarray(i * 2 * units, (i + 1) * 2 * units), i * width);
        du.set(duh.subarray(i * units, (i + 1) * units), i * width + 2 * units);
      }
      const grads = [
        { data: dxw, shape: [n, steps, width] },
        { data: du, shape: [units, width] },
      ];
      if (attrs.hasState) {
        const dh0 = be.allocUninitialized(block);
        const part = new Float32Array(dh0.buffer, dhPart, block);
        const more = new Float32Array(dh0.buffer, carry, block);
        for (let k = 0; k < block; k++) dh0[k] = part[k] + more[k];
        grads.push({ data: dh0, shape: [n, units] });
      }
      return grads;
    } finally {
      releaseAll(be, scratch);
    }
  });
}
