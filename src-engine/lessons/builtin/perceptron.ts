// Lessons 1–2: what one layer can and cannot separate.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { chainGraph } from './graphs';

export const perceptronLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'perceptron',
  order: 1,
  title: 'A perceptron learns AND, OR and NAND, but not XOR',
  idea: 'One threshold unit draws one straight line; XOR needs two.',
  explanation: `A perceptron computes a weighted sum of its inputs and fires when it is positive:
$$y = \\operatorname{step}(w \\cdot x + b), \\qquad \\operatorname{step}(z) = \\begin{cases}1 & z > 0\\\\ 0 & z \\le 0\\end{cases}$$
The step has no useful derivative (it is flat everywhere except at the jump), so gradient descent through it is impossible. Rosenblatt's rule learns without one: after each sample, move the weights towards the right answer, and only when the answer was wrong:
$$w \\leftarrow w + \\eta\\,(t - y)\\,x, \\qquad b \\leftarrow b + \\eta\\,(t - y).$$
Here the rule is plain SGD on the *perceptron criterion* $(y - t)\\,z$, one sample per step: its gradient is $(y - t)\\,x$, zero whenever the answer is right.

The unit's decision boundary $w \\cdot x + b = 0$ is a straight line. AND, OR and NAND each put their 1s on one side of some line, so the rule finds one in a few passes and then stops changing. XOR puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other: no line separates them, so some row is always wrong and the weights never settle. A smooth sigmoid unit trained with cross-entropy does no better: the best it can do is answer ½ everywhere, a loss of $\\ln 2 \\approx 0.693$.

A hidden layer bends the boundary. Two layers of units can carve out the XOR region, and learn it to 100 %.

What to look for: each run's decision boundary over the four corners. AND, OR and NAND each get one straight line with their 1s on one side; the perceptron's XOR line always leaves a corner on the wrong side; the logistic unit's plane stays pale, ½ everywhere; the two-layer network carves out the two XOR corners.`,
  setup: {
    graphs: {
      perceptron: chainGraph(
        'Perceptron',
        [
          ['input', 'Input'],
          ['unit', 'Dense', { units: 1, activation: 'step' }],
        ],
        {
          dataset: 'and',
          loss: 'perceptron',
          optimizer: { name: 'sgd', lr: 1 },
          batchSize: 1,
          epochs: 12,
          initializer: 'zeros',
        },
      ),
      logistic: chainGraph(
        'Sigmoid unit',
        [
          ['input', 'Input'],
          ['unit', 'Dense', { units: 1, activation: 'sigmoid' }],
        ],
        {
          dataset: 'xor',
          loss: 'binary_cross_entropy',
          optimizer: { name: 'sgd', lr: 1 },
          batchSize: 4,
          epochs: 300,
        },
      ),
      twoLayers: chainGraph(
        'Two layers',
        [
          ['input', 'Input'],
          ['hidden', 'Dense', { units: 4, activation: 'tanh' }],
          ['unit', 'Dense', { units: 1, activation: 'sigmoid' }],
        ],
        {
          dataset: 'xor',
          loss: 'binary_cross_entropy',
          optimizer: { name: 'adam', lr: 0.05 },
          batchSize: 4,
          epochs: 300,
        },
      ),
    },
    variants: [
      { id: 'and', label: 'perceptron · AND', graph: 'perceptron', set: { 'training.dataset': 'and' } },
      { id: 'or', label: 'perceptron · OR', graph: 'perceptron', set: { 'training.dataset': 'or' } },
      { id: 'nand', label: 'perceptron · NAND', graph: 'perceptron', set: { 'training.dataset': 'nand' } },
      { id: 'xor', label: 'perceptron · XOR', graph: 'perceptron', set: { 'training.dataset': 'xor' } },
      { id: 'sigmoid-xor', label: 'sigmoid unit · XOR', graph: 'logistic' },
      { id: 'two-layer-xor', label: 'two layers · XOR', graph: 'twoLayers' },
    ],
  },
  view: { kind: 'boundary' },
  extraViews: [{ kind: 'accuracy' }],
  check: {
    claim:
      'A perceptron learns AND, OR and NAND (every row right); it cannot learn XOR: the perceptron gets a row wrong in every epoch, and a logistic unit’s loss stays at ln 2 ≈ 0.693; two layers learn XOR.',
    assertions: [
      { text: 'AND: 100 % right', variant: 'and', measure: { kind: 'final', metric: 'trainAcc' }, op: '==', value: 1 },
      { text: 'OR: 100 % right', variant: 'or', measure: { kind: 'final', metric: 'trainAcc' }, op: '==', value: 1 },
      { text: 'NAND: 100 % right', variant: 'nand', measure: { kind: 'final', metric: 'trainAcc' }, op: '==', value: 1 },
      {
        text: 'XOR: no epoch gets all four rows right (best epoch ≤ 75 %)',
        variant: 'xor',
        measure: { kind: 'overEpochs', metric: 'trainAcc', of: 'max' },
        op: '<=',
        value: 0.75,
      },
      {
        text: 'XOR: the logistic unit’s loss never falls below ln 2 ≈ 0.693 (lowest epoch)',
        variant: 'sigmoid-xor',
        measure: { kind: 'overEpochs', metric: 'trainLoss', of: 'min' },
        op: '>=',
        value: 0.69,
      },
      {
        text: 'XOR: from epoch 50 on it stays at ln 2 (highest epoch ≤ 0.70)',
        variant: 'sigmoid-xor',
        measure: { kind: 'overEpochs', metric: 'trainLoss', of: 'max', from: 50 },
        op: '<=',
        value: 0.7,
      },
      {
        text: 'XOR: two layers get every row right',
        variant: 'two-layer-xor',
        measure: { kind: 'final', metric: 'trainAcc' },
        op: '==',
        value: 1,
      },
      {
        text: 'XOR: two layers bring the loss far below ln 2 (under 0.05)',
        variant: 'two-layer-xor',
        measure: { kind: 'final', metric: 'trainLoss' },
        op: '<',
        value: 0.05,
      },
    ],
    ifNot:
      'A smaller learning rate or fewer epochs may leave a gate half-learned; a hidden layer that is too small or a changed dataset changes what can be separated.',
  },
  variations: [
    {
      question: 'Does a smaller step size η = 0.1 change which gates are learned, or only how fast?',
      set: { 'training.optimizer.lr': 0.1 },
      variants: ['and', 'or', 'nand', 'xor'],
    },
    {
      question: 'What if the perceptron starts from random weights instead of zeros?',
      set: { 'training.initializer': 'xavier_uniform' },
      variants: ['and', 'or', 'nand', 'xor'],
    },
    {
      question: 'Can two layers of only 2 hidden units still learn XOR?',
      set: { 'nodes.hidden.params.units': 2 },
      variants: ['two-layer-xor'],
    },
  ],
};

export const linearStackLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'linear-stack',
  order: 2,
  title: 'Linear layers stacked are still linear',
  idea: 'Without a non-linearity between them, many layers are one layer.',
  explanation: `A Dense layer without an activation computes $h = xW + b$. Stack three of them and expand:
$$\\big((xW_1 + b_1)W_2 + b_2\\big)W_3 + b_3 = x\\,(W_1W_2W_3) + (b_1W_2W_3 + b_2W_3 + b_3) = xW + b.$$
The product of matrices is just another matrix, so three linear layers can only represent what a single linear layer can: the final sigmoid still sees a linear function of the input, and its decision boundary is still a straight line. On XOR that means the same dead end as the lone sigmoid unit: the best it can do is a loss of $\\ln 2$.

Put a non-linear activation such as $\\tanh$ between the layers and the composition is no longer a product of matrices. The same three layers, with the same number of weights, now bend the boundary and learn XOR. Depth adds power only together with non-linearity.

What to look for: the linear stack's decision boundary is one straight line with two corners on the wrong side, and its loss flattens at 0.693 within a few dozen epochs, however long it trains; the tanh stack's boundary bends around the corners and its loss keeps falling towards 0. Both start from the same weights and see the same batches; only the activation differs.`,
  setup: {
    graphs: {
      stack: chainGraph(
        'Three Dense layers',
        [
          ['input', 'Input'],
          ['dense1', 'Dense', { units: 8, activation: 'linear' }],
          ['dense2', 'Dense', { units: 8, activation: 'linear' }],
          ['dense3', 'Dense', { units: 8, activation: 'linear' }],
          ['unit', 'Dense', { units: 1, activation: 'sigmoid' }],
        ],
        { dataset: 'xor', loss: 'binary_cross_entropy', optimizer: { name: 'adam', lr: 0.03 }, batchSize: 4, epochs: 200 },
      ),
    },
    variants: [
      { id: 'linear', label: 'linear layers' },
      {
        id: 'tanh',
        label: 'tanh layers',
        set: {
          'nodes.dense1.params.activation': 'tanh',
          'nodes.dense2.params.activation': 'tanh',
          'nodes.dense3.params.activation': 'tanh',
        },
      },
    ],
  },
  view: { kind: 'boundary' },
  extraViews: [{ kind: 'losses' }],
  check: {
    claim: 'Three linear layers stay at a loss of at least ln 2 on XOR; the same layers with tanh learn it.',
    assertions: [
      {
        text: 'linear: the loss never gets below ln 2 (0.693) by more than a rounding',
        variant: 'linear',
        measure: { kind: 'final', metric: 'trainLoss' },
        op: '>=',
        value: 0.69,
      },
      {
        text: 'linear: at most 3 of the 4 rows right',
        variant: 'linear',
        measure: { kind: 'final', metric: 'trainAcc' },
        op: '<=',
        value: 0.75,
      },
      { text: 'tanh: every row right', variant: 'tanh', measure: { kind: 'final', metric: 'trainAcc' }, op: '==', value: 1 },
    ],
    ifNot:
      'If an activation other than "linear" was set on the stack, it is no longer linear; if the tanh run fell short, it may need more epochs or a larger learning rate.',
  },
  variations: [
    {
      question: 'Does ReLU between the layers work as well as tanh?',
      set: {
        'nodes.dense1.params.activation': 'relu',
        'nodes.dense2.params.activation': 'relu',
        'nodes.dense3.params.activation': 'relu',
      },
      variants: ['tanh'],
    },
    {
      question: 'Is one non-linear layer enough?',
      set: { 'nodes.dense2.params.activation': 'linear', 'nodes.dense3.params.activation': 'linear' },
      variants: ['tanh'],
    },
  ],
};
