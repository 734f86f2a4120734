// SimpleRNN (Elman): h_t = φ(x_t·W + h_{t−1}·U + b). Its gradient through time is a product of
// U-and-φ′ factors, so it vanishes (or explodes) over long sequences: the lesson LSTM answers.
import { add, matmul } from '../../ops';
import { applyActivation } from '../activationFunctions';
import { registerRecurrentLayer } from './define';

registerRecurrentLayer({
  type: 'SimpleRNN',
  description:
    'h_t = φ(x_t·W + h_{t−1}·U + b): one state updated at every step. Forgets over long sequences (vanishing gradients).',
  extraParams: [
    {
      kind: 'enum',
      name: 'activation',
      label: 'Activation',
      description: 'φ, the non-linearity of the state update.',
      options: ['tanh', 'relu', 'sigmoid', 'linear'],
      default: 'tanh',
    },
  ],
  gates: 1,
  stateNames: ['h'],
  makeCell: (w, p) => ({
    stateNames: ['h'],
    gateNames: [],
    step: (xt, [h]) => {
      let z = matmul(xt, w.kernel);
      if (h) z = add(z, matmul(h, w.recurrentKernel));
      if (w.bias) z = add(z, w.bias);
      return { states: [applyActivation(p.activation as string, z)], gates: {} };
    },
  }),
  gradCheck: [
    { inputShapes: [[4, 3]], params: { units: 5 } },
    { inputShapes: [[12, 2]], params: { units: 3, returnSequences: true, initialState: 'learned' } },
    {
      inputShapes: [[5, 2]],
      params: { units: 3, activation: 'sigmoid', useBias: false, recurrentInitializer: 'xavier_uniform' },
    },
  ],
});
