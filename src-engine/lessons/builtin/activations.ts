// Lessons 3–5: what activation functions do to gradients.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { chainGraph, denseStack, ids } from './graphs';

const FIVE = ids(5, 'd');

export const saturationLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'sigmoid-saturates',
  order: 3,
  title: 'Sigmoid saturates: gradients vanish with depth',
  idea: 'Each sigmoid layer multiplies the gradient by at most ¼.',
  explanation: `Backpropagation multiplies, layer by layer, the gradient by each activation's derivative. For the sigmoid,
$$\\sigma(z) = \\frac{1}{1 + e^{-z}}, \\qquad \\sigma'(z) = \\sigma(z)\\,\\big(1 - \\sigma(z)\\big) \\le \\tfrac14,$$
and it is far smaller than ¼ once $|z|$ is large (the unit is *saturated*). With weights scaled to keep the signal's size (Xavier), each sigmoid layer still shrinks the gradient several times over, so after a few layers the first layers barely learn: their gradient norm is orders of magnitude below the last layer's.

ReLU's derivative is exactly 1 for every active unit:
$$\\operatorname{relu}(z) = \\max(0, z), \\qquad \\operatorname{relu}'(z) = \\begin{cases}1 & z > 0\\\\ 0 & z < 0\\end{cases}$$
With He initialization, $\\operatorname{Var}(w) = 2/n_{\\text{in}}$, the half of the units that are active keep the gradient's size from layer to layer. Here two five-layer networks differ only in activation (and the matching initializer); the view shows each layer's gradient norm after the first epoch, from input to output.

What to look for: on the log scale the sigmoid net's bars fall steeply from the last layer to the first, each layer a fraction of the one after it, while the ReLU net's bars stay at about one height. A first layer that receives a hundredth of the gradient learns a hundred times slower. Below, each layer's output histogram: every sigmoid layer's outputs sit in one positive band, where σ′ is at most ¼.`,
  setup: {
    graphs: {
      deep: chainGraph(
        'Five-layer net',
        [
          ['input', 'Input'],
          ...denseStack(5, 'd', { units: 32, activation: 'sigmoid' }),
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        {
          dataset: 'spiral',
          datasetOptions: { samples: 128 },
          loss: 'cross_entropy',
          optimizer: { name: 'sgd', lr: 0.01 },
          batchSize: 128,
          epochs: 1,
          initializer: 'xavier_uniform',
        },
      ),
    },
    variants: [
      { id: 'sigmoid', label: 'sigmoid · Xavier' },
      {
        id: 'relu',
        label: 'ReLU · He',
        set: Object.fromEntries([
          ...FIVE.map((id) => [`nodes.${id}.params.activation`, 'relu']),
          ['training.initializer', 'he_normal'],
        ]),
      },
    ],
  },
  view: { kind: 'byDepth', metric: 'gradNorm', nodes: FIVE, log: true },
  extraViews: [{ kind: 'histograms', nodes: FIVE, epoch: 'first' }],
  check: {
    claim:
      'In the sigmoid net the gradient norm falls by more than 10× per two layers towards the input; with ReLU and He initialization it does not.',
    assertions: [
      {
        text: 'sigmoid: gradient shrinks more than 10× per two layers',
        variant: 'sigmoid',
        measure: { kind: 'gradNormDrop', nodes: FIVE },
        op: '>',
        value: 10,
      },
      {
        text: 'ReLU + He: gradient changes less than 10× per two layers',
        variant: 'relu',
        measure: { kind: 'gradNormDrop', nodes: FIVE },
        op: 'between',
        min: 0.1,
        max: 10,
      },
    ],
    ifNot:
      'Larger initial weights saturate sigmoid units even more; much smaller ones, or fewer layers, let some gradient through. Changing the ReLU net’s initializer away from He can make its gradients shrink or grow too.',
  },
  variations: [
    {
      question: 'What happens with tanh (derivative up to 1) instead of sigmoid?',
      set: Object.fromEntries(FIVE.map((id) => [`nodes.${id}.params.activation`, 'tanh'])),
      variants: ['sigmoid'],
    },
    {
      question: 'And with leaky ReLU?',
      set: Object.fromEntries(FIVE.map((id) => [`nodes.${id}.params.activation`, 'leaky_relu'])),
      variants: ['relu'],
    },
    {
      question: 'What does N(0, 1) initialization do to the sigmoid net?',
      set: { 'training.initializer': 'normal', 'training.initializerOptions': { std: 1 } },
      variants: ['sigmoid'],
    },
  ],
};

export const zeroCentredLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'zero-centred',
  order: 4,
  title: 'Sigmoid outputs are not zero-centred',
  idea: 'Positive inputs force all of a unit’s weight gradients to share one sign.',
  explanation: `Take a unit $j$ of a layer whose inputs $h_i$ come from the layer before. The gradient of its incoming weights is
$$\\frac{\\partial L}{\\partial w_{ij}} = h_i\\,\\delta_j, \\qquad \\delta_j = \\frac{\\partial L}{\\partial z_j}.$$
For one sample, $\\delta_j$ is a single number, so every weight of unit $j$ moves in the direction of $\\operatorname{sign}(h_i)\\operatorname{sign}(\\delta_j)$. Sigmoid outputs lie in $(0, 1)$: all $h_i > 0$, so **all** weights of the unit move up together or down together. To reach weights with mixed signs, gradient descent has to zig-zag.

$\\tanh$ outputs lie in $(-1, 1)$ and are centred near 0, so the signs of $h_i$ differ and each weight can move its own way. Here a network takes one SGD step on one sample; the check compares each unit's weights of the second layer before and after that step.

What to look for: in the check's numbers, the fraction of units whose weights all moved one way is exactly 1 after sigmoid, and far below it after tanh. This is one reason tanh, and later zero-centred normalization, made training deep networks easier than sigmoid.`,
  setup: {
    graphs: {
      net: chainGraph(
        'Two hidden layers',
        [
          ['input', 'Input'],
          ['hidden', 'Dense', { units: 16, activation: 'sigmoid' }],
          ['second', 'Dense', { units: 16, activation: 'sigmoid' }],
          ['out', 'Dense', { units: 1 }],
        ],
        {
          dataset: 'plane',
          datasetOptions: { samples: 2 },
          loss: 'mse',
          optimizer: { name: 'sgd', lr: 0.1 },
          batchSize: 1,
          epochs: 1,
          validationSplit: 0.5,
        },
      ),
    },
    variants: [
      { id: 'sigmoid', label: 'sigmoid' },
      { id: 'tanh', label: 'tanh', set: { 'nodes.hidden.params.activation': 'tanh', 'nodes.second.params.activation': 'tanh' } },
    ],
  },
  view: { kind: 'byDepth', metric: 'gradNorm', nodes: ['hidden', 'second', 'out'] },
  check: {
    claim:
      'After one step on one sample, every unit of the layer after a sigmoid moved all its weights the same way; after tanh, most units did not.',
    assertions: [
      {
        text: 'sigmoid: all units’ weight changes share one sign',
        variant: 'sigmoid',
        measure: { kind: 'sameSignUnits', node: 'second' },
        op: '==',
        value: 1,
      },
      {
        text: 'tanh: fewer than half of the units’ changes share one sign',
        variant: 'tanh',
        measure: { kind: 'sameSignUnits', node: 'second' },
        op: '<',
        value: 0.5,
      },
    ],
    ifNot:
      'The claim is about one step on one sample: with a larger batch or several steps, the changes add up over samples and their signs mix.',
  },
  variations: [
    {
      question: 'Does ReLU (outputs ≥ 0) behave like sigmoid here?',
      set: { 'nodes.hidden.params.activation': 'relu', 'nodes.second.params.activation': 'relu' },
      variants: ['tanh'],
    },
    {
      question: 'What if the step averages two samples (batch size 2, no validation)?',
      set: { 'training.batchSize': 2, 'training.validationSplit': 0 },
    },
  ],
};

export const dyingReluLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'dying-relu',
  order: 5,
  title: 'Dying ReLU: a high learning rate leaves units that are never active',
  idea: 'A ReLU unit pushed to be negative on every input gets no gradient and never recovers.',
  explanation: `A ReLU unit passes gradient only when it is active:
$$\\frac{\\partial\\,\\operatorname{relu}(z)}{\\partial z} = \\begin{cases}1 & z > 0\\\\ 0 & z \\le 0.\\end{cases}$$
One large update can push a unit's weights and bias so far that $z = w \\cdot x + b \\le 0$ for **every** input in the data. From then on the unit outputs 0, its gradient is 0, and no later step can bring it back: it is dead, and the layer is that much smaller.

Large steps are what kill units, so the learning rate decides how many die. Here the same network (same initial weights, same batches) trains once with a moderate and once with a very high learning rate, and the check counts, for the first hidden layer, the units that are inactive on every training point.

What to look for: the high learning rate's loss jumps wildly at first and then flattens at a poor value, because the dead units no longer help. The moderate run keeps all its units. Leaky ReLU, which keeps a small slope for negative inputs, is one common remedy; a smaller learning rate is another.`,
  setup: {
    graphs: {
      net: chainGraph(
        'ReLU net',
        [
          ['input', 'Input'],
          ['hidden', 'Dense', { units: 32, activation: 'relu' }],
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        {
          dataset: 'moons',
          datasetOptions: { samples: 200 },
          loss: 'cross_entropy',
          optimizer: { name: 'sgd', lr: 0.05 },
          batchSize: 20,
          epochs: 10,
          initializer: 'he_normal',
        },
      ),
    },
    variants: [
      { id: 'moderate', label: 'lr 0.05' },
      { id: 'high', label: 'lr 5', set: { 'training.optimizer.lr': 5 } },
    ],
  },
  view: { kind: 'losses' },
  check: {
    claim: 'With a learning rate of 5, at least a quarter of the hidden ReLU units end up dead; with 0.05, almost none do.',
    assertions: [
      {
        text: 'lr 5: at least 25 % of the units are never active',
        variant: 'high',
        measure: { kind: 'deadUnits', node: 'hidden' },
        op: '>=',
        value: 0.25,
      },
      {
        text: 'lr 0.05: at most 10 % are',
        variant: 'moderate',
        measure: { kind: 'deadUnits', node: 'hidden' },
        op: '<=',
        value: 0.1,
      },
    ],
    ifNot:
      'Fewer units die with a smaller learning rate, with leaky ReLU (its negative side keeps a gradient), or with a different dataset or initializer.',
  },
  variations: [
    { question: 'What happens with leaky ReLU?', set: { 'nodes.hidden.params.activation': 'leaky_relu' } },
    {
      question: 'Does Adam at lr 0.5 kill units too?',
      set: { 'training.optimizer': { name: 'adam', lr: 0.5 } },
      variants: ['high'],
    },
  ],
};
