// GRU (Cho et al. 2014): an update gate z blends the old state with a candidate, a reset gate r
// decides how much of the old state the candidate sees. LSTM's memory with one state and 3 gates.
import { add, matmul, mul, sigmoid, slice, sub, tanh } from '../../ops';
import { registerRecurrentLayer } from './define';
import type { Tensor } from '../../core/tensor';
import { gruSequence } from './fusedGru';

registerRecurrentLayer({
  type: 'GRU',
  description: "Gated recurrent unit: update and reset gates on a single state; nearly LSTM's memory with fewer weights.",
  extraParams: [],
  gates: 3,
  stateNames: ['h'],
  // Gate order in the fused kernels: update (z), reset (r), candidate (h̃).
  makeCell: (w) => {
    const units = w.recurrentKernel.shape[0];
    return {
      stateNames: ['h'],
      gateNames: ['z', 'r', 'candidate'],
      step: (xt, [h]) => {
        const n = xt.shape[0];
        let xz = matmul(xt, w.kernel);
        if (w.bias) xz = add(xz, w.bias);
        const block = (t: Tensor, k: number, count = 1): Tensor => slice(t, [0, k * units], [n, count * units]);
        if (!h) {
          // From a zero state: z and r see only the input, and h = (1 − z)⊙h̃.
          const z = sigmoid(block(xz, 0));
          const candidate = tanh(block(xz, 2));
          return { states: [sub(candidate, mul(z, candidate))], gates: { z, r: sigmoid(block(xz, 1)), candidate } };
        }
        const u = w.recurrentKernel;
        const gatesIn = add(block(xz, 0, 2), matmul(h, slice(u, [0, 0], [units, 2 * units])));
        const z = sigmoid(slice(gatesIn, [0, 0], [n, units]));
        const r = sigmoid(slice(gatesIn, [0, units], [n, units]));
        const candidate = tanh(add(block(xz, 2), matmul(mul(r, h), slice(u, [0, 2 * units], [units, units]))));
        // h_t = z⊙h_{t−1} + (1 − z)⊙h̃ = h̃ + z⊙(h_{t−1} − h̃)
        return { states: [add(candidate, mul(z, sub(h, candidate)))], gates: { z, r, candidate } };
      },
    };
  },
  fused: { kernel: 'GruSequence', run: (xw, u, [h0], returnSequences) => gruSequence(xw, u, h0, returnSequences) },
  gradCheck: [
    { inputShapes: [[3, 2]], params: { units: 4 } },
    { inputShapes: [[12, 2]], params: { units: 3, returnSequences: true, initialState: 'learned' } },
    { inputShapes: [[4, 3]], params: { units: 2, useBias: false } },
  ],
});
