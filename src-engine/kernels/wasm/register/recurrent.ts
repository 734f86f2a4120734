// The LSTM and GRU steps' gate math on the fast backend (kernels/wasm/kernels/recurrent.ts); widths that
// are not a multiple of 4, or storage from another backend, go to the reference kernel.
import { getKernel, registerKernel } from '../../registry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';

/** Rough single-thread cost of one unit of one row (five exps and the rest), for the thread split. */
const NS_PER_UNIT = 6;

export function registerFastRecurrentKernels(): void {
  registerKernel(FAST_CPU, 'LstmCell', (backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    const [xw, hu, cPrev] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 4;
    if (units % 4 !== 0 || !inputs.every((t) => be.owns(t.data))) return getKernel('cpu', 'LstmCell')(backend, inputs, attrs);
    const [h, c, tanhC] = [0, 1, 2].map(() => be.allocUninitialized(n * units));
    const gates = be.allocUninitialized(n * width);
    const state = attrs.hasState;
    const args = [
      be.address(xw.data),
      state ? be.address(hu.data) : 0,
      state ? be.address(cPrev.data) : 0,
      h.byteOffset,
      c.byteOffset,
      gates.byteOffset,
      tanhC.byteOffset,
      steps * width * 4,
      attrs.step * width * 4,
      units,
      state ? 1 : 0,
    ];
    be.runtime.run('lstmCell', args, n, 1, units * NS_PER_UNIT);
    return [
      { data: h, shape: [n, units] },
      { data: c, shape: [n, units] },
      { data: gates, shape: [n, width] },
      { data: tanhC, shape: [n, units] },
    ];
  });
}

/** GruGates and GruCell: fewer exps per unit than the LSTM (two and one). */
const NS_PER_GRU_UNIT = 3;

export function registerFastGruKernels(): void {
  registerKernel(FAST_CPU, 'GruGates', (backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    const [xw, hzr, h] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 3;
    if (units % 4 !== 0 || !inputs.every((t) => be.owns(t.data))) return getKernel('cpu', 'GruGates')(backend, inputs, attrs);
    const zr = be.allocUninitialized(n * 2 * units);
    const rh = be.allocUninitialized(n * units);
    const state = attrs.hasState;
    const args = [
      be.address(xw.data),
      state ? be.address(hzr.data) : 0,
      state ? be.address(h.data) : 0,
      zr.byteOffset,
      rh.byteOffset,
      steps * width * 4,
      attrs.step * width * 4,
      units,
      state ? 1 : 0,
    ];
    be.runtime.run('gruGates', args, n, 1, units * NS_PER_GRU_UNIT);
    return [
      { data: zr, shape: [n, 2 * units] },
      { data: rh, shape: [n, units] },
    ];
  });
  registerKernel(FAST_CPU, 'GruCell', (backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    const [xw, zr, hc, h] = inputs;
    const [n, steps, width] = xw.shape;
    const units = width / 3;
    if (units % 4 !== 0 || !inputs.every((t) => be.owns(t.data))) return getKernel('cpu', 'GruCell')(backend, inputs, attrs);
    const hNext = be.allocUninitialized(n * units);
    const candidate = be.allocUninitialized(n * units);
    const state = attrs.hasState;
    const args = [
      be.address(xw.data),
      be.address(zr.data),
      state ? be.address(hc.data) : 0,
      state ? be.address(h.data) : 0,
      hNext.byteOffset,
      candidate.byteOffset,
      steps * width * 4,
      attrs.step * width * 4,
      units,
      state ? 1 : 0,
    ];
    be.runtime.run('gruCell', args, n, 1, units * NS_PER_GRU_UNIT);
    return [
      { data: hNext, shape: [n, units] },
      { data: candidate, shape: [n, units] },
    ];
  });
}
