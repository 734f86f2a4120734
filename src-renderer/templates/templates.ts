// Starting points, each a valid graph with a matching dataset and training settings.
import { SEQUENCE_TEMPLATES } from './sequenceTemplates';
import { base, chain, type Template } from './templateBuilders';

export type { Template } from './templateBuilders';

export const TEMPLATES: readonly Template[] = [
  {
    id: 'perceptron',
    name: 'Perceptron (logic gates)',
    description: 'One neuron draws one straight line: it learns AND, OR and NAND. Switch the dataset to XOR to see it fail.',
    doc: chain(
      'Perceptron on the AND gate',
      'A single sigmoid neuron separating the AND truth table.',
      [
        ['input', 'Input'],
        ['neuron', 'Dense', { units: 1, activation: 'sigmoid' }],
      ],
      base({
        dataset: 'and',
        loss: 'binary_cross_entropy',
        optimizer: { name: 'sgd', lr: 0.5 },
        batchSize: 4,
        epochs: 200,
        validationSplit: 0,
        initializer: 'xavier_uniform',
      }),
    ),
  },
  {
    id: 'mlp-spiral',
    name: 'MLP on the spiral',
    description: 'Two hidden layers of tanh units bend the decision boundary around two interleaved spirals.',
    doc: chain(
      'MLP on the spiral',
      'Two hidden tanh layers classify two interleaved spirals.',
      [
        ['input', 'Input'],
        ['hidden1', 'Dense', { units: 16, activation: 'tanh' }],
        ['hidden2', 'Dense', { units: 16, activation: 'tanh' }],
        ['output', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      base({
        dataset: 'spiral',
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.01 },
        epochs: 150,
        initializer: 'xavier_uniform',
      }),
    ),
  },
  {
    id: 'mlp-mnist',
    name: 'MLP on MNIST',
    description: 'Flatten each 28×28 digit and classify it with one hidden ReLU layer and dropout.',
    doc: chain(
      'MLP on MNIST digits',
      'A flattened image, one hidden ReLU layer with dropout, ten softmax outputs.',
      [
        ['input', 'Input'],
        ['flatten', 'Flatten'],
        ['hidden', 'Dense', { units: 64, activation: 'relu' }],
        ['dropout', 'Dropout', { rate: 0.2 }],
        ['output', 'Dense', { units: 10, activation: 'softmax' }],
      ],
      base({
        dataset: 'mnist',
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.001 },
        batchSize: 32,
        epochs: 5,
        validationSplit: 0.1,
        initializer: 'he_uniform',
      }),
    ),
  },
  {
    id: 'lenet',
    name: 'LeNet CNN on MNIST',
    description: 'LeCun’s classic: two convolution + pooling stages find strokes, then dense layers classify the digit.',
    doc: chain(
      'LeNet-5 on MNIST digits',
      'Convolutions find local strokes; pooling shrinks the image; dense layers decide the digit.',
      [
        ['input', 'Input'],
        ['conv1', 'Conv2D', { filters: 6, kernelSize: [5, 5], padding: 'same', activation: 'relu' }],
        ['pool1', 'MaxPool2D', { poolSize: [2, 2] }],
        ['conv2', 'Conv2D', { filters: 16, kernelSize: [5, 5], activation: 'relu' }],
        ['pool2', 'MaxPool2D', { poolSize: [2, 2] }],
        ['flatten', 'Flatten'],
        ['fc1', 'Dense', { units: 120, activation: 'relu' }],
        ['fc2', 'Dense', { units: 84, activation: 'relu' }],
        ['output', 'Dense', { units: 10, activation: 'softmax' }],
      ],
      base({
        dataset: 'mnist',
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.001 },
        batchSize: 32,
        epochs: 3,
        validationSplit: 0.1,
        initializer: 'he_normal',
      }),
    ),
  },
  {
    id: 'residual',
    name: 'Residual block',
    description: 'A skip connection adds a block’s input to its output (ResNet), so the block only learns a correction.',
    doc: chain(
      'Residual block on the moons',
      'Input → stem → two dense layers whose result is added back to the stem’s output, then a softmax classifier.',
      [
        ['input', 'Input'],
        ['stem', 'Dense', { units: 16, activation: 'relu' }],
        ['block1', 'Dense', { units: 16, activation: 'relu' }],
        ['block2', 'Dense', { units: 16 }],
        ['add', 'Add'],
        ['output', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      base({
        dataset: 'moons',
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.01 },
        epochs: 60,
        initializer: 'he_uniform',
      }),
      [['stem', 'add']],
    ),
  },
  ...SEQUENCE_TEMPLATES,
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
