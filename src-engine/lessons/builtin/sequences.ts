// Lessons beyond the basics, on sequences: a plain RNN forgets where an LSTM remembers, and word
// vectors place words used alike together.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { GRAPH_FORMAT, type GraphDoc } from '../../../src-shared/graphFormat';
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
          dataset: 'adding:length=50',
          datasetOptions: { samples: 2400 },
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
      'On sequences of 50 steps the plain RNN forgets: its validation loss stays near 0.167, the loss of guessing the mean; the LSTM remembers: its validation loss falls below a third of that.',
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

const TOPICS = [
  ['cat', 'dog', 'horse', 'cow', 'sheep', 'goat'],
  ['apple', 'pear', 'plum', 'cherry', 'grape', 'peach'],
  ['red', 'green', 'blue', 'yellow', 'purple', 'brown'],
  ['hammer', 'drill', 'wrench', 'chisel', 'pliers', 'spanner'],
  ['rain', 'snow', 'wind', 'storm', 'fog', 'frost'],
];
const wordTraining = (dataset: string) => ({
  dataset,
  datasetOptions: { samples: 12000 },
  loss: 'binary_cross_entropy',
  optimizer: { name: 'adam', lr: 0.01 },
  batchSize: 64,
  epochs: 4,
  seed: 1,
  validationSplit: 0.1,
});
const table = (id: string, x: number, y: number) => ({
  id,
  type: 'Embedding',
  params: { vocabSize: 38, dimension: 16 },
  position: { x, y },
});

const skipgram: GraphDoc = {
  format: GRAPH_FORMAT,
  name: 'Skip-gram',
  nodes: [
    { id: 'pair', type: 'Input', params: { shape: [2] }, position: { x: 0, y: 80 } },
    { id: 'centreId', type: 'SliceSteps', params: { start: 0, length: 1 }, position: { x: 220, y: 0 } },
    { id: 'otherId', type: 'SliceSteps', params: { start: 1, length: 1 }, position: { x: 220, y: 160 } },
    table('centre', 440, 0),
    table('context', 440, 160),
    { id: 'score', type: 'Dot', position: { x: 660, y: 80 } },
    { id: 'probability', type: 'Sigmoid', position: { x: 880, y: 80 } },
  ],
  edges: [
    ['pair', 'centreId'],
    ['pair', 'otherId'],
    ['centreId', 'centre'],
    ['otherId', 'context'],
    ['centre', 'score'],
    ['context', 'score'],
    ['score', 'probability'],
  ].map(([source, target], i) => ({ id: `e${i + 1}`, source: source!, target: target! })),
  training: wordTraining('skipgram'),
};

const cbow: GraphDoc = {
  format: GRAPH_FORMAT,
  name: 'CBOW',
  nodes: [
    { id: 'window', type: 'Input', params: { shape: [5] }, position: { x: 0, y: 100 } },
    { id: 'contextIds', type: 'SliceSteps', params: { start: 0, length: 4 }, position: { x: 220, y: 0 } },
    { id: 'candidateId', type: 'SliceSteps', params: { start: 4, length: 1 }, position: { x: 220, y: 200 } },
    table('context', 440, 0),
    { id: 'mean', type: 'GlobalAveragePool1D', params: { keepSteps: true }, position: { x: 660, y: 0 } },
    table('candidate', 440, 200),
    { id: 'score', type: 'Dot', position: { x: 880, y: 100 } },
    { id: 'probability', type: 'Sigmoid', position: { x: 1100, y: 100 } },
  ],
  edges: [
    ['window', 'contextIds'],
    ['window', 'candidateId'],
    ['contextIds', 'context'],
    ['context', 'mean'],
    ['candidateId', 'candidate'],
    ['mean', 'score'],
    ['candidate', 'score'],
    ['score', 'probability'],
  ].map(([source, target], i) => ({ id: `e${i + 1}`, source: source!, target: target! })),
  training: wordTraining('cbow'),
};

const neighbours = (node: string, at?: 'initial') => ({ kind: 'groupNeighbours', node, groups: TOPICS, ...(at ? { at } : {}) });

export const wordVectorsLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'word-neighbours',
  order: 18,
  title: 'Word vectors: neighbours share contexts (skip-gram and CBOW)',
  idea: 'Predicting which words occur together places words used alike close together.',
  explanation: `word2vec learns a vector for every word from nothing but which words occur near which. Its two forms ask opposite questions. **Skip-gram** takes a centre word and scores each word of its window:
$$P(\\text{near} \\mid c, o) = \\sigma(v_c \\cdot u_o),$$
trained to say 1 for a real neighbour and 0 for a few random "noise" words (negative sampling). **CBOW**, the continuous bag of words, averages the vectors of the window and scores the candidate centre word:
$$P(\\text{centre} \\mid \\text{window}) = \\sigma\\Big(\\tfrac{1}{2k}\\sum_{j} v_{w_j} \\cdot u_c\\Big).$$
Both are logistic regressions whose inputs are rows of Embedding tables, so a plain gradient step moves the vectors. Two words that appear among the same neighbours receive the same pushes and end up pointing the same way: their cosine similarity, $\\cos(a, b) = a \\cdot b / (|a|\\,|b|)$, grows.

The corpus here is planted: every sentence is about one of five topics (animals, fruit, colours, tools, weather) and mixes six words of that topic with filler words such as "the" and "near". So we know the right answer: a word's nearest neighbour should be from its own topic.

What to look for: the check finds, for each of the 30 topic words, its nearest neighbour by cosine among all 38 words. Before training that is right about as often as chance (about one time in seven); after a few epochs, in both the skip-gram centre table and the CBOW context table, almost every word's nearest neighbour is from its own topic.`,
  setup: {
    graphs: { skipgram, cbow },
    variants: [
      { id: 'skipgram', label: 'skip-gram', graph: 'skipgram' },
      { id: 'cbow', label: 'CBOW', graph: 'cbow' },
    ],
  },
  view: { kind: 'losses' },
  check: {
    claim:
      'Before training a topic word’s nearest neighbour is from its own topic about as often as chance; after training, in skip-gram’s and CBOW’s word vectors, at least 80 % of the topic words have a neighbour from their own topic.',
    assertions: [
      {
        text: 'skip-gram before training: own-topic nearest neighbours under 50 %',
        variant: 'skipgram',
        measure: neighbours('centre', 'initial'),
        op: '<',
        value: 0.5,
      },
      {
        text: 'skip-gram after training: own-topic nearest neighbours at least 80 %',
        variant: 'skipgram',
        measure: neighbours('centre'),
        op: '>=',
        value: 0.8,
      },
      {
        text: 'CBOW before training: own-topic nearest neighbours under 50 %',
        variant: 'cbow',
        measure: neighbours('context', 'initial'),
        op: '<',
        value: 0.5,
      },
      {
        text: 'CBOW after training: own-topic nearest neighbours at least 80 %',
        variant: 'cbow',
        measure: neighbours('context'),
        op: '>=',
        value: 0.8,
      },
    ],
    ifNot:
      'Very few samples or epochs leave the vectors near their random start; tiny vectors (dimension 1 or 2) cannot keep five topics apart.',
  },
  variations: [
    {
      question: 'Are 2-dimensional vectors enough for five topics?',
      set: { 'nodes.centre.params.dimension': 2, 'nodes.context.params.dimension': 2 },
      variants: ['skipgram'],
    },
    { question: 'With a tenth of the data?', set: { 'training.datasetOptions': { samples: 1200 } } },
  ],
};
