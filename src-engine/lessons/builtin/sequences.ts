// Lessons beyond the basics, on sequences: a plain RNN forgets where an LSTM remembers.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { chainGraph } from './graphs';

export const addingLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'lstm-remembers',
  order: 17,
  title: 'An LSTM remembers where a plain RNN forgets',
  idea: 'A gated cell state carries a value across many steps; a plain recurrence multiplies it away.',
  explanation: `The adding problem shows a network a sequence of random numbers, two of them marked, and asks for the sum of the marked two. Guessing the average sum gives a mean squared error of $1/6 \\approx 0.167$; doing better means remembering the first marked number until the end of the sequence.

A plain recurrent layer updates its state as $h_t = \\tanh(W x_t + U h_{t-1} + b)$. The gradient that tells it what to remember from step $t$ passes through every later step, and is multiplied each time by $U^\\top \\operatorname{diag}(\\tanh')$:
$$\\frac{\\partial h_T}{\\partial h_t} = \\prod_{k=t+1}^{T} \\operatorname{diag}\\big(\\tanh'(z_k)\\big)\\,U .$$
Over tens of steps that product shrinks towards zero, so the layer never learns to keep the first marked value.

An LSTM adds a cell state that is updated by addition, gated:
$$c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde c_t .$$
When the forget gate $f_t$ stays near 1, $\\partial c_T/\\partial c_t$ stays near 1 too: the value and its gradient cross the whole sequence. A forget-gate bias of 1 at the start makes "remember" the default.

Here the two layers, of the same width, train on the same sequences with the same optimizer, batches and gradient clipping.

What to look for: the plain RNN's loss settles near 0.167, the loss of guessing the mean, while the LSTM's falls well below it once it has learned which inputs to keep.`,
  setup: {
    graphs: {
      adding: chainGraph(
        'Adding problem',
        [
          ['sequence', 'Input'],
          ['memory', 'LSTM', { units: 8, unitForgetBias: true, recurrentInitializer: 'orthogonal' }],
          ['sum', 'Dense', { units: 1 }],
        ],
        {
          dataset: 'adding:length=30',
          datasetOptions: { samples: 2000 },
          loss: 'mse',
          optimizer: { name: 'adam', lr: 0.02, clipNorm: 1 },
          batchSize: 32,
          epochs: 14,
          validationSplit: 0.2,
        },
      ),
    },
    variants: [
      {
        id: 'rnn',
        label: 'plain RNN',
        set: {
          'nodes.memory.type': 'SimpleRNN',
          'nodes.memory.params': { units: 8, activation: 'tanh', recurrentInitializer: 'orthogonal' },
        },
      },
      { id: 'lstm', label: 'LSTM' },
    ],
  },
  view: { kind: 'losses' },
  check: {
    claim:
      'On sequences of 30 steps the plain RNN forgets: its validation loss stays near 0.167, the loss of guessing the mean; the LSTM remembers: its validation loss falls below a third of that.',
    assertions: [
      {
        text: 'plain RNN: validation loss above 0.12 (guessing the mean: 0.167)',
        variant: 'rnn',
        measure: { kind: 'final', metric: 'valLoss' },
        op: '>',
        value: 0.12,
      },
      {
        text: 'LSTM: validation loss below 0.05',
        variant: 'lstm',
        measure: { kind: 'final', metric: 'valLoss' },
        op: '<',
        value: 0.05,
      },
    ],
    ifNot:
      'Shorter sequences let a plain RNN bridge the gap; fewer epochs or a much smaller learning rate may leave the LSTM still searching for what to keep.',
  },
  variations: [
    { question: 'Can the plain RNN bridge 10 steps?', set: { 'training.dataset': 'adding:length=10' } },
    {
      question: 'What does a GRU do?',
      set: { 'nodes.memory.type': 'GRU', 'nodes.memory.params': { units: 8 } },
      variants: ['rnn'],
    },
  ],
};
