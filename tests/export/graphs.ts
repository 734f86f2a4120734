// Small graphs of every kind the exports must reproduce: dense, CNN (padding, strides, pooling,
// BatchNorm on images), residual/branched, BatchNorm + Dropout, Embedding + LSTM/GRU, regression.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface NodeSpec {
  id: string;
  type: string;
  params?: Record<string, unknown>;
  from?: string[];
}

function graph(name: string, nodes: NodeSpec[], training: Record<string, unknown>): unknown {
  return {
    format: 'layerlab.graph/1',
    name,
    nodes: nodes.map((n, i) => ({ id: n.id, type: n.type, params: n.params ?? {}, position: { x: i * 200, y: 0 } })),
    edges: nodes.flatMap((n) => (n.from ?? []).map((s, k) => ({ id: `${s}-${n.id}-${k}`, source: s, target: n.id }))),
    training: { batchSize: 16, epochs: 3, seed: 3, validationSplit: 0.2, ...training },
  };
}

export const EXPORT_GRAPHS: Record<string, unknown> = {
  dense: graph(
    'Moons with a multi-class SVM head',
    [
      { id: 'input', type: 'Input' },
      {
        id: 'hidden',
        type: 'Dense',
        params: { units: 12, activation: 'sigmoid', initializer: 'xavier_normal' },
        from: ['input'],
      },
      { id: 'scores', type: 'Dense', params: { units: 2 }, from: ['hidden'] },
    ],
    {
      dataset: 'moons',
      loss: 'hinge',
      optimizer: { name: 'sgd', lr: 0.1, l1: 0.0005, schedule: { type: 'exponential', gamma: 0.9 } },
    },
  ),
  // Reshape a table into a 3×3 image: even kernels and "same" padding (asymmetric), explicit padding, strides, BatchNorm and average pooling over channels-first images.
  cnn: graph(
    'Penguins as tiny images',
    [
      { id: 'input', type: 'Input' },
      { id: 'image', type: 'Reshape', params: { targetShape: [3, 3, 1] }, from: ['input'] },
      {
        id: 'conv',
        type: 'Conv2D',
        params: { filters: 4, kernelSize: [2, 2], padding: 'same', activation: 'relu' },
        from: ['image'],
      },
      { id: 'norm', type: 'BatchNorm', from: ['conv'] },
      { id: 'pool', type: 'AvgPool2D', params: { poolSize: [2, 2], padding: 'same' }, from: ['norm'] },
      {
        id: 'conv2',
        type: 'Conv2D',
        params: { filters: 3, kernelSize: [3, 3], strides: [2, 2], padding: 'explicit', padSize: [1, 1], activation: 'tanh' },
        from: ['pool'],
      },
      { id: 'maxpool', type: 'MaxPool2D', params: { poolSize: [2, 2], strides: [1, 1], padding: 'same' }, from: ['conv2'] },
      { id: 'flat', type: 'Flatten', from: ['maxpool'] },
      { id: 'out', type: 'Dense', params: { units: 3, activation: 'softmax' }, from: ['flat'] },
    ],
    {
      dataset: 'penguins',
      datasetOptions: { scaling: 'minmax' },
      loss: 'cross_entropy',
      optimizer: { name: 'rmsprop', lr: 0.01 },
    },
  ),
  residual: graph(
    'Iris with a residual block and a skip concatenation',
    [
      { id: 'input', type: 'Input' },
      { id: 'a', type: 'Dense', params: { units: 8, activation: 'tanh' }, from: ['input'] },
      { id: 'b', type: 'Dense', params: { units: 8, activation: 'leaky_relu', alpha: 0.3 }, from: ['a'] },
      { id: 'sum', type: 'Add', from: ['a', 'b'] },
      { id: 'both', type: 'Concat', from: ['sum', 'input'] },
      { id: 'act', type: 'LeakyReLU', params: { alpha: 0.2 }, from: ['both'] },
      { id: 'logits', type: 'Dense', params: { units: 3 }, from: ['act'] },
    ],
    {
      dataset: 'iris',
      datasetOptions: { scaling: 'standard' },
      loss: 'cross_entropy',
      optimizer: {
        name: 'nesterov',
        lr: 0.05,
        momentum: 0.8,
        l2: 0.001,
        clipNorm: 2,
        schedule: { type: 'step', stepSize: 2, gamma: 0.5 },
      },
    },
  ),
  batchnorm: graph(
    'Iris with BatchNorm and Dropout',
    [
      { id: 'input', type: 'Input' },
      { id: 'hidden', type: 'Dense', params: { units: 16, useBias: false }, from: ['input'] },
      { id: 'norm', type: 'BatchNorm', params: { momentum: 0.8 }, from: ['hidden'] },
      { id: 'relu', type: 'ReLU', from: ['norm'] },
      { id: 'drop', type: 'Dropout', params: { rate: 0.4 }, from: ['relu'] },
      { id: 'out', type: 'Dense', params: { units: 3, activation: 'softmax' }, from: ['drop'] },
    ],
    { dataset: 'iris', loss: 'cross_entropy', optimizer: { name: 'adamw', lr: 0.02, weightDecay: 0.05 } },
  ),
  lstm: graph(
    'Next character with Embedding and LSTM',
    [
      { id: 'chars', type: 'Input' },
      { id: 'embed', type: 'Embedding', params: { vocabSize: 28, dimension: 6 }, from: ['chars'] },
      { id: 'lstm', type: 'LSTM', params: { units: 8, initialState: 'learned' }, from: ['embed'] },
      { id: 'next', type: 'Dense', params: { units: 28, activation: 'softmax' }, from: ['lstm'] },
    ],
    {
      dataset: 'names',
      datasetOptions: { samples: 400 },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01, clipNorm: 5 },
      batchSize: 32,
    },
  ),
  gru: graph(
    'Next character with Embedding, GRU and a max over steps',
    [
      { id: 'chars', type: 'Input' },
      { id: 'embed', type: 'Embedding', params: { vocabSize: 28, dimension: 5 }, from: ['chars'] },
      { id: 'gru', type: 'GRU', params: { units: 6, returnSequences: true }, from: ['embed'] },
      { id: 'rnn', type: 'SimpleRNN', params: { units: 4, returnSequences: true, activation: 'relu' }, from: ['gru'] },
      { id: 'last', type: 'SliceSteps', params: { start: -2, length: 2 }, from: ['rnn'] },
      { id: 'max', type: 'GlobalMaxPool1D', from: ['last'] },
      { id: 'next', type: 'Dense', params: { units: 28, activation: 'softmax' }, from: ['max'] },
    ],
    {
      dataset: 'names',
      datasetOptions: { samples: 400 },
      loss: 'cross_entropy',
      optimizer: { name: 'adagrad', lr: 0.05 },
      batchSize: 32,
    },
  ),
  regression: graph(
    'Cars: miles per gallon',
    [
      { id: 'input', type: 'Input' },
      { id: 'hidden', type: 'Dense', params: { units: 16, activation: 'relu' }, from: ['input'] },
      { id: 'mpg', type: 'Dense', params: { units: 1 }, from: ['hidden'] },
    ],
    {
      dataset: 'cars',
      datasetOptions: { scaling: 'standard' },
      loss: 'smooth_l1',
      optimizer: { name: 'adam', lr: 0.01, schedule: { type: 'cosine', total: 3 } },
    },
  ),
};

export function writeGraph(dir: string, name: string): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(EXPORT_GRAPHS[name], null, 2));
  return path;
}
