// Sequence-model starting points: the char-LSTM name generator, the adding problem for an LSTM and
// a SimpleRNN (a ready-made comparison), and skip-gram and CBOW word vectors. Same graphs as examples/*.json.
import { GRAPH_FORMAT } from '../../src-shared/graphFormat';
import { base, chain, placed, type Template } from './templateBuilders';

const adding = () =>
  base({
    dataset: 'adding',
    datasetOptions: { samples: 3000 },
    loss: 'mse',
    optimizer: { name: 'adam', lr: 0.02, clipNorm: 1 },
    batchSize: 32,
    // About 30 s on a laptop's CPU; the LSTM's loss is clearly below the 0.167 baseline by then.
    epochs: 15,
    validationSplit: 0.2,
  });

const COMPARE_HINT =
  'Train both adding-problem templates, tick the two runs in the history and open Compare to see the difference.';

export const SEQUENCE_TEMPLATES: readonly Template[] = [
  {
    id: 'char-lstm',
    name: 'Char-LSTM name generator',
    description:
      'An LSTM reads the last 8 letters of a first name and predicts the next one. Open Sequences while it trains to see the names it invents after each epoch; afterwards, sample more and watch its gates.',
    doc: chain(
      'Char-LSTM name generator',
      'Reads the previous 8 characters of a first name and predicts the next one ("." ends the name). Embedding → LSTM → softmax over the 28 characters.',
      [
        ['chars', 'Input'],
        ['embed', 'Embedding', { vocabSize: 28, dimension: 16 }],
        ['lstm', 'LSTM', { units: 32 }],
        ['next', 'Dense', { units: 28, activation: 'softmax' }],
      ],
      base({
        dataset: 'names',
        datasetOptions: { samples: 20000 },
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.01, clipNorm: 5 },
        batchSize: 64,
        epochs: 6,
        validationSplit: 0.1,
      }),
    ),
  },
  {
    id: 'adding-lstm',
    name: 'Adding problem: LSTM',
    description: `Two of 50 values are marked; predict their sum. The LSTM's cell state remembers the first mark across the sequence. ${COMPARE_HINT}`,
    doc: chain(
      'Adding problem: LSTM',
      'Two of 50 random values are marked; predict their sum. The cell state carries the first marked value across up to 50 steps, so the loss falls far below the 0.167 of guessing the mean.',
      [
        ['sequence', 'Input'],
        ['lstm', 'LSTM', { units: 8, unitForgetBias: true, recurrentInitializer: 'orthogonal' }],
        ['sum', 'Dense', { units: 1 }],
      ],
      adding(),
    ),
  },
  {
    id: 'adding-rnn',
    name: 'Adding problem: SimpleRNN',
    description: `The same task with a plain recurrent layer: its gradient vanishes over 50 steps and the loss stays near 0.167. ${COMPARE_HINT}`,
    doc: chain(
      'Adding problem: SimpleRNN',
      'The same task and budget as the LSTM template with a plain recurrent layer of the same size. Its gradient through 50 steps vanishes, so the loss stays near the 0.167 of guessing the mean.',
      [
        ['sequence', 'Input'],
        ['rnn', 'SimpleRNN', { units: 8, activation: 'tanh', recurrentInitializer: 'orthogonal' }],
        ['sum', 'Dense', { units: 1 }],
      ],
      adding(),
    ),
  },
  {
    id: 'skipgram',
    name: 'Skip-gram word vectors',
    description:
      'word2vec as a graph: two embedding tables and a dot product score whether a word occurs near another. Words of one topic end up with similar vectors: open Sequences after training for nearest neighbours and a map of the vectors.',
    doc: placed({
      format: GRAPH_FORMAT,
      name: 'Skip-gram word vectors',
      description:
        'Each sample is a pair of word ids [centre, other]; two Embedding tables turn them into vectors and their dot product scores whether "other" really occurs near the centre (1) or is a noise word (0).',
      nodes: [
        { id: 'pair', type: 'Input', params: { shape: [2] } },
        { id: 'centreId', type: 'SliceSteps', params: { start: 0, length: 1 } },
        { id: 'otherId', type: 'SliceSteps', params: { start: 1, length: 1 } },
        { id: 'centre', type: 'Embedding', params: { vocabSize: 38, dimension: 16 } },
        { id: 'context', type: 'Embedding', params: { vocabSize: 38, dimension: 16 } },
        { id: 'score', type: 'Dot' },
        { id: 'probability', type: 'Sigmoid' },
      ],
      edges: [
        { id: 'e1', source: 'pair', target: 'centreId' },
        { id: 'e2', source: 'pair', target: 'otherId' },
        { id: 'e3', source: 'centreId', target: 'centre' },
        { id: 'e4', source: 'otherId', target: 'context' },
        { id: 'e5', source: 'centre', target: 'score' },
        { id: 'e6', source: 'context', target: 'score' },
        { id: 'e7', source: 'score', target: 'probability' },
      ],
      training: base({
        dataset: 'skipgram',
        loss: 'binary_cross_entropy',
        optimizer: { name: 'adam', lr: 0.01 },
        batchSize: 64,
        epochs: 5,
        validationSplit: 0.1,
      }),
    }),
  },
  {
    id: 'cbow',
    name: 'CBOW word vectors',
    description:
      "word2vec's other half: the vectors of the 4 words around a gap are averaged, and a dot product scores whether a candidate word fills the gap. Words of one topic end up with similar vectors: open Sequences after training for nearest neighbours and a map of the vectors.",
    doc: placed({
      format: GRAPH_FORMAT,
      name: 'CBOW word vectors',
      description:
        "Each sample holds the ids of the 2 words before and the 2 words after a centre word, then a candidate word. The context vectors are averaged over the 4 steps (GlobalAveragePool1D, keeping a steps axis of 1 to match the candidate's [1, 16]) and a Dot with the candidate's vector scores whether the candidate is the centre (1) or a noise word (0).",
      nodes: [
        { id: 'window', type: 'Input', params: { shape: [5] } },
        { id: 'contextIds', type: 'SliceSteps', params: { start: 0, length: 4 } },
        { id: 'candidateId', type: 'SliceSteps', params: { start: 4, length: 1 } },
        { id: 'context', type: 'Embedding', params: { vocabSize: 38, dimension: 16 } },
        { id: 'mean', type: 'GlobalAveragePool1D', params: { keepSteps: true } },
        { id: 'candidate', type: 'Embedding', params: { vocabSize: 38, dimension: 16 } },
        { id: 'score', type: 'Dot' },
        { id: 'probability', type: 'Sigmoid' },
      ],
      edges: [
        { id: 'e1', source: 'window', target: 'contextIds' },
        { id: 'e2', source: 'window', target: 'candidateId' },
        { id: 'e3', source: 'contextIds', target: 'context' },
        { id: 'e4', source: 'context', target: 'mean' },
        { id: 'e5', source: 'candidateId', target: 'candidate' },
        { id: 'e6', source: 'mean', target: 'score' },
        { id: 'e7', source: 'candidate', target: 'score' },
        { id: 'e8', source: 'score', target: 'probability' },
      ],
      training: base({
        dataset: 'cbow',
        loss: 'binary_cross_entropy',
        optimizer: { name: 'adam', lr: 0.01 },
        batchSize: 64,
        epochs: 5,
        validationSplit: 0.1,
      }),
    }),
  },
];
