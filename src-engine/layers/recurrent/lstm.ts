// LSTM (Hochreiter & Schmidhuber): input, forget and output gates around a cell state c that is
// changed only by addition, c_t = f⊙c_{t−1} + i⊙g, so gradients can travel many steps unshrunk.
import { add, matmul, mul, sigmoid, slice, tanh } from '../../ops';
import { registerRecurrentLayer } from './define';
import type { Tensor } from '../../core/tensor';
import { lstmSequence } from './fusedLstm';

registerRecurrentLayer({
  type: 'LSTM',
  description:
    'Long short-term memory: gates decide what to forget, write and show; the cell state carries memory over long sequences.',
  extraParams: [
    {
      kind: 'bool',
      name: 'unitForgetBias',
      label: 'Forget bias 1',
      description:
        'Start the forget-gate bias at 1, so the cell remembers by default early in training (Jozefowicz et al. 2015).',
      default: true,
    },
  ],
  gates: 4,
  stateNames: ['h', 'c'],
  // Gate order in the fused kernels: input, forget, candidate (g), output — as Keras.
  biasStart: (p) => {
    const units = p.units as number;
    return (i) => (p.unitForgetBias && i >= units && i < 2 * units ? 1 : 0);
  },
  makeCell: (w) => {
    const units = w.recurrentKernel.shape[0];
    return {
      stateNames: ['h', 'c'],
      gateNames: ['i', 'f', 'g', 'o'],
      step: (xt, [h, c]) => {
        let z = matmul(xt, w.kernel);
        if (h) z = add(z, matmul(h, w.recurrentKernel));
        if (w.bias) z = add(z, w.bias);
        const n = xt.shape[0];
        const block = (k: number): Tensor => slice(z, [0, k * units], [n, units]);
        const i = sigmoid(block(0));
        const f = sigmoid(block(1));
        const g = tanh(block(2));
        const o = sigmoid(block(3));
        const written = mul(i, g);
        const cNext = c ? add(mul(f, c), written) : written;
        const hNext = mul(o, tanh(cNext));
        return { states: [hNext, cNext], gates: { i, f, g, o } };
      },
    };
  },
  fused: { kernel: 'LstmSequence', run: (xw, u, [h0, c0], returnSequences) => lstmSequence(xw, u, h0, c0, returnSequences) },
  gradCheck: [
    { inputShapes: [[3, 2]], params: { units: 4 } },
    { inputShapes: [[12, 3]], params: { units: 3, returnSequences: true } },
    { inputShapes: [[10, 2]], params: { units: 2, initialState: 'learned', unitForgetBias: false } },
    { inputShapes: [[4, 2]], params: { units: 3, useBias: false, recurrentInitializer: 'default' } },
  ],
});
