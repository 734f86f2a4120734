// The LSTM and GRU as whole-sequence kernels on the fast backend (kernels/wasm/kernels/
// recurrentSequence.ts): one call each way takes batch rows through every step, so the threads
// split the batch once per sequence; U is packed once per call. Widths that are not a multiple of
// 4, or storage from another backend, go to the reference kernels.
import { getKernel, registerKernel } from '../../registry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import { gemmInto } from './linalg';
import { PANEL, stripRows } from '../kernels/gemm';
import { gruSaved } from '../../cpu/recurrentGru';
import { lstmSaved, sequenceOutput, statesFrom } from '../../cpu/recurrent';

/** Rough single-thread costs (ns) for the thread split: one unit's gate math (five exps and the rest), one multiply-add. */
const NS_PER_UNIT = 6;
const NS_PER_GRU_UNIT = 3;
const NS_PER_MADD = 1 / 15;
const NS_PER_COPY = 0.5;

/** B [k, cols] at address b (element strides rsK between k, csN between columns) packed in the GEMM's panels. */
function packB(be: FastCpuBackend, b: number, rsK: number, csN: number, k: number, cols: number): Float32Array {
  const panels = Math.ceil(cols / PANEL);
  const dst = be.allocUninitialized(panels * PANEL * k);
  be.runtime.run('packB', [b, rsK, csN, k, cols, dst.byteOffset], panels, 1, PANEL * k * NS_PER_COPY);
  return dst;
}

/** Scratch for the packed A strips of a whole-sequence kernel: every row's strip, k columns. */
function stripScratch(be: FastCpuBackend, n: number, k: number): Float32Array {
  const strip = stripRows(be.runtime.fma);
  return be.allocUninitialized(Math.ceil(n / strip) * strip * k);
}

/** Runs a whole-sequence kernel over the batch's rows, split at strip boundaries. */
function runRows(be: FastCpuBackend, name: string, args: number[], n: number, nsPerRow: number): void {
  be.runtime.run(name, args, n, stripRows(be.runtime.fma), nsPerRow);
}

/** Frees kernel scratch. */
function releaseAll(be: FastCpuBackend, scratch: Float32Array[]): void {
  for (const s of scratch) be.release(s);
}

export function registerFastRecurrentKernels(): void {
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
    const scratch = [
      be.allocUninitialized(n * width),
      packB(be, be.address(u.data), width, 1, units, width),
      stripScratch(be, n, units),
    ];
    try {
      const [hu, bp, ap] = scratch.map((a) => a.byteOffset);
      const args = [be.address(xw.data), hs.byteOffset, cs.byteOffset, gates.byteOffset, tanhC.byteOffset, hu, bp, ap];
      const nsPerRow = steps * units * (NS_PER_UNIT + width * NS_PER_MADD);
      runRows(be, 'lstmSequence', [...args, n, steps, units, attrs.hasState ? 1 : 0], n, nsPerRow);
    } finally {
      releaseAll(be, scratch);
    }
    return [sequenceOutput(be, hs, n, steps, units, attrs.returnSequences), ...lstmSaved(hs, cs, gates, tanhC, n, steps, units)];
  });

  // Backwards through time in one call; then dU = Σ_t h_{t−1}ᵀ·dz_t in one GEMM over the stacked steps.
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
    const [hs, cs, gates, tanhC] = [hsInfo, csInfo, gatesInfo, tanhCInfo].map((t) => be.address(t.data));
    const scratch = [
      be.allocUninitialized(steps * n * width),
      packB(be, be.address(u.data), 1, width, width, units),
      stripScratch(be, n, width),
    ];
    try {
      const [dzAll, bpT, ap] = scratch.map((a) => a.byteOffset);
      const args = [gates, tanhC, cs, dh.byteOffset, dc.byteOffset, be.address(dy.data), dzAll, dxw.byteOffset, bpT, ap];
      const flags = [attrs.returnSequences ? 1 : 0, attrs.hasState ? 1 : 0];
      runRows(
        be,
        'lstmSequenceGrad',
        [...args, n, steps, units, ...flags],
        n,
        steps * units * (NS_PER_UNIT + width * NS_PER_MADD),
      );
      gemmInto(be, du.byteOffset, hs, dzAll, units, steps * n, width, true, false);
    } finally {
      releaseAll(be, scratch);
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

export function registerFastGruKernels(): void {
  // U [units, 3·units] = [U_zr | U_h]: each part packed straight from U by strides.
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
    const uAddr = be.address(u.data);
    const scratch = [
      be.allocUninitialized(2 * block),
      be.allocUninitialized(block),
      packB(be, uAddr, width, 1, units, 2 * units),
      packB(be, uAddr + 8 * units, width, 1, units, units),
      stripScratch(be, n, units),
    ];
    try {
      const args = [
        be.address(xw.data),
        hs.byteOffset,
        zr.byteOffset,
        rh.byteOffset,
        cand.byteOffset,
        ...scratch.map((a) => a.byteOffset),
      ];
      const nsPerRow = steps * units * (NS_PER_GRU_UNIT + width * NS_PER_MADD);
      runRows(be, 'gruSequence', [...args, n, steps, units, attrs.hasState ? 1 : 0], n, nsPerRow);
    } finally {
      releaseAll(be, scratch);
    }
    return [sequenceOutput(be, hs, n, steps, units, attrs.returnSequences), ...gruSaved(hs, zr, rh, cand, n, steps, units)];
  });

  // Backwards through time in one call; then dU from the stacked steps in two GEMMs.
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
    const uAddr = be.address(u.data);
    const scratch: Float32Array[] = [];
    const alloc = (size: number) => {
      const a = be.allocUninitialized(size);
      scratch.push(a);
      return a.byteOffset;
    };
    const dAzrAll = alloc(steps * 2 * block);
    const dAcAll = alloc(steps * block);
    const [dhDirect, drh, dhPart, carry] = [0, 1, 2, 3].map(() => alloc(block));
    scratch.push(
      packB(be, uAddr + 8 * units, 1, width, units, units),
      packB(be, uAddr, 1, width, 2 * units, units),
      stripScratch(be, n, 2 * units),
    );
    const [bhT, bzrT, ap] = scratch.slice(-3).map((a) => a.byteOffset);
    const [hs, zr, rh, cand] = [hsInfo, zrInfo, rhInfo, candInfo].map((t) => be.address(t.data));
    try {
      const args = [
        zr,
        cand,
        hs,
        be.address(dy.data),
        dAzrAll,
        dAcAll,
        dhDirect,
        drh,
        dhPart,
        carry,
        dxw.byteOffset,
        bhT,
        bzrT,
        ap,
      ];
      const flags = [attrs.returnSequences ? 1 : 0, attrs.hasState ? 1 : 0];
      runRows(
        be,
        'gruSequenceGrad',
        [...args, n, steps, units, ...flags],
        n,
        steps * units * (NS_PER_GRU_UNIT + width * NS_PER_MADD),
      );
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
