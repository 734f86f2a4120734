// Lessons 6–8: where the weights start.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { chainGraph, denseStack, ids } from './graphs';

const TEN = ids(10, 'd');

export const symmetryLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'symmetry',
  order: 6,
  title: 'Zero and constant initialization cannot break symmetry',
  idea: 'Units that start equal get equal gradients and stay equal forever.',
  explanation: `If all the units of a layer start with the same weights, they compute the same output for every input. Backpropagation then hands each of them the same gradient,
$$w_j^{(0)} = w_k^{(0)} \\;\\Rightarrow\\; \\frac{\\partial L}{\\partial w_j} = \\frac{\\partial L}{\\partial w_k} \\;\\Rightarrow\\; w_j^{(t)} = w_k^{(t)} \\text{ for every step } t,$$
so they stay copies of one another however long the network trains: a layer of 8 identical units is a layer of one unit. With all-zero weights it is worse still: the hidden outputs of a tanh layer are 0 and the gradients reaching its weights are 0.

Random initialization gives every unit its own starting point, so units respond to different features and learn different things. The check measures, in the first hidden layer after training, the largest difference between the incoming weights of any two units: $\\max_{j,k} |w_j - w_k|$.

What to look for: the zero-initialized run hardly learns at all, the constant one learns only what a single unit could, and the random one learns the circle. In the check's numbers, the two symmetric runs measure exactly 0, not just a small number: the units are bit-for-bit copies.`,
  setup: {
    graphs: {
      net: chainGraph(
        'Two hidden layers',
        [
          ['input', 'Input'],
          ['hidden1', 'Dense', { units: 8, activation: 'tanh' }],
          ['hidden2', 'Dense', { units: 8, activation: 'tanh' }],
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        {
          dataset: 'circle',
          datasetOptions: { samples: 128 },
          loss: 'cross_entropy',
          optimizer: { name: 'sgd', lr: 0.5 },
          batchSize: 16,
          epochs: 5,
        },
      ),
    },
    variants: [
      { id: 'zeros', label: 'zeros', set: { 'training.initializer': 'zeros' } },
      {
        id: 'constant',
        label: 'constant 0.1',
        set: { 'training.initializer': 'constant', 'training.initializerOptions': { value: 0.1 } },
      },
      { id: 'random', label: 'Xavier (random)', set: { 'training.initializer': 'xavier_uniform' } },
    ],
  },
  view: { kind: 'accuracy' },
  check: {
    claim:
      'With zero or constant initialization, the hidden units stay identical after training (max |wᵢ − wⱼ| = 0); with random initialization they differ.',
    assertions: [
      {
        text: 'zeros: max |wᵢ − wⱼ| = 0',
        variant: 'zeros',
        measure: { kind: 'unitSpread', node: 'hidden1' },
        op: '==',
        value: 0,
      },
      {
        text: 'constant: max |wᵢ − wⱼ| = 0',
        variant: 'constant',
        measure: { kind: 'unitSpread', node: 'hidden1' },
        op: '==',
        value: 0,
      },
      {
        text: 'random: units differ (max |wᵢ − wⱼ| > 0.1)',
        variant: 'random',
        measure: { kind: 'unitSpread', node: 'hidden1' },
        op: '>',
        value: 0.1,
      },
    ],
    ifNot:
      'A layer that names its own initializer keeps it whatever the graph’s default says; dropout, which drops units at random, also breaks the symmetry.',
  },
  variations: [
    {
      question: 'What if the first hidden layer names its own random initializer, whatever the graph’s default?',
      set: { 'nodes.hidden1.params.initializer': 'xavier_uniform' },
    },
    {
      question: 'What if only the biases differ? Try a constant of 0.5.',
      set: { 'training.initializerOptions': { value: 0.5 } },
      variants: ['constant'],
    },
  ],
};

export const initScaleLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'init-scale',
  order: 7,
  title: 'The initialization scale decides whether signals survive ten layers',
  idea: 'Keep Var(w) ≈ 1/fan_in (Xavier) or 2/fan_in (He) and the signal keeps its size.',
  explanation: `A unit sums $n$ inputs times weights. If inputs and weights are independent with mean 0,
$$\\operatorname{Var}(z) = n\\,\\operatorname{Var}(w)\\,\\operatorname{Var}(h).$$
So each layer multiplies the signal's variance by $n\\operatorname{Var}(w)$. With $n = 32$ and $w \\sim N(0, 1)$ that factor is 32: pre-activations grow huge and sigmoid units are driven into their flat ends, answering 0 or 1. With $N(0, 0.01^2)$ it is $0.0032$: after ten layers the signal has all but vanished.

Xavier initialization, $\\operatorname{Var}(w) = 2/(n_{\\text{in}} + n_{\\text{out}})$, makes the factor about 1 for $\\tanh$, which is linear near 0. ReLU zeroes half its inputs, so He initialization doubles it: $\\operatorname{Var}(w) = 2/n_{\\text{in}}$. The views show, through ten layers of 32 units, the histogram of each layer's outputs and their standard deviation.

What to look for: the sigmoid N(0, 1) histograms pile up at 0 and 1; the N(0, 0.01²) ones shrink to a spike at 0 (on the log scale its bars fall by about 17× per layer); the Xavier and He histograms keep their width from the second layer to the tenth.`,
  setup: {
    graphs: {
      deep: chainGraph(
        'Ten layers',
        [
          ['input', 'Input'],
          ...denseStack(10, 'd', { units: 32, activation: 'tanh' }),
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        {
          dataset: 'spiral',
          datasetOptions: { samples: 128 },
          loss: 'cross_entropy',
          optimizer: { name: 'sgd', lr: 0.000001 },
          batchSize: 128,
          epochs: 1,
          initializer: 'xavier_uniform',
        },
      ),
    },
    variants: [
      {
        id: 'sigmoid-big',
        label: 'sigmoid · N(0, 1)',
        set: {
          ...Object.fromEntries(TEN.map((id) => [`nodes.${id}.params.activation`, 'sigmoid'])),
          'training.initializer': 'normal',
          'training.initializerOptions': { std: 1 },
        },
      },
      {
        id: 'tanh-small',
        label: 'tanh · N(0, 0.01²)',
        set: { 'training.initializer': 'normal', 'training.initializerOptions': { std: 0.01 } },
      },
      { id: 'tanh-xavier', label: 'tanh · Xavier' },
      {
        id: 'relu-he',
        label: 'ReLU · He',
        set: {
          ...Object.fromEntries(TEN.map((id) => [`nodes.${id}.params.activation`, 'relu'])),
          'training.initializer': 'he_normal',
        },
      },
    ],
  },
  view: { kind: 'histograms', nodes: TEN, epoch: 'first' },
  extraViews: [{ kind: 'byDepth', metric: 'actStd', nodes: TEN, log: true }],
  check: {
    claim:
      'N(0, 1) saturates the sigmoid layers (outputs pile up at 0 and 1), N(0, 0.01²) collapses the signal, while Xavier (tanh) and He (ReLU) keep its spread within 10× across the ten layers.',
    assertions: [
      {
        text: 'sigmoid · N(0, 1): the 10th layer is saturated (output std > 0.3; values spread evenly over (0, 1) would give 0.29, values at 0 and 1 give 0.5)',
        variant: 'sigmoid-big',
        measure: { kind: 'actStd', node: 'd10' },
        op: '>',
        value: 0.3,
      },
      {
        text: 'tanh · N(0, 0.01²): the signal shrinks more than 1000× from layer 2 to 10',
        variant: 'tanh-small',
        measure: { kind: 'actStdRatio', from: 'd2', to: 'd10' },
        op: '<',
        value: 0.001,
      },
      {
        text: 'tanh · Xavier: layer 10’s spread is within 10× of layer 2’s',
        variant: 'tanh-xavier',
        measure: { kind: 'actStdRatio', from: 'd2', to: 'd10' },
        op: 'between',
        min: 0.1,
        max: 10,
      },
      {
        text: 'ReLU · He: layer 10’s spread is within 10× of layer 2’s',
        variant: 'relu-he',
        measure: { kind: 'actStdRatio', from: 'd2', to: 'd10' },
        op: 'between',
        min: 0.1,
        max: 10,
      },
    ],
    ifNot:
      'The balance holds for the activation each initializer was derived for: He with tanh, or Xavier with ReLU, drifts; so do much narrower layers.',
  },
  variations: [
    { question: 'What does Xavier do for ReLU?', set: { 'training.initializer': 'xavier_uniform' }, variants: ['relu-he'] },
    { question: 'And He for tanh?', set: { 'training.initializer': 'he_normal' }, variants: ['tanh-xavier'] },
  ],
};

export const orthogonalLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'orthogonal',
  order: 8,
  title: 'Orthogonal initialization preserves norms through depth',
  idea: 'An orthogonal matrix rotates a vector without changing its length.',
  explanation: `A matrix $Q$ with orthonormal rows satisfies $QQ^\\top = I$, so for any input
$$\\lVert xQ \\rVert^2 = xQQ^\\top x^\\top = \\lVert x \\rVert^2 .$$
Through a stack of linear layers initialized this way, the length of every sample's vector is kept exactly, however deep the stack. A random Gaussian matrix keeps the length only on average, and a badly scaled one shrinks or grows it at every layer, so the effect compounds with depth.

Here ten linear layers of 32 units start orthogonal or from $N(0, 0.05^2)$. The check compares the spread of the tenth layer's outputs with the first's: about 1 for orthogonal weights, tiny for the Gaussian ones ($32 \\times 0.05^2 = 0.08$ per layer in variance). Orthogonal initialization is a common choice for recurrent weights, which are applied once per time step: a deep stack in time.

What to look for: the orthogonal run's bars form a flat line at the first layer's height, while the Gaussian run's bars fall by a constant factor per layer, a straight downward line on the log scale. Backpropagation runs through the same matrices transposed, so gradients keep their size too.`,
  setup: {
    graphs: {
      deep: chainGraph(
        'Ten linear layers',
        [
          ['input', 'Input'],
          ...denseStack(10, 'd', { units: 32, activation: 'linear' }),
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        {
          dataset: 'spiral',
          datasetOptions: { samples: 128 },
          loss: 'cross_entropy',
          optimizer: { name: 'sgd', lr: 0.000001 },
          batchSize: 128,
          epochs: 1,
          initializer: 'orthogonal',
        },
      ),
    },
    variants: [
      { id: 'orthogonal', label: 'orthogonal' },
      {
        id: 'gaussian',
        label: 'N(0, 0.05²)',
        set: { 'training.initializer': 'normal', 'training.initializerOptions': { std: 0.05 } },
      },
    ],
  },
  view: { kind: 'byDepth', metric: 'actStd', nodes: TEN, log: true },
  check: {
    claim:
      'With orthogonal weights the tenth layer’s output spread equals the first’s within 10 %; with N(0, 0.05²) it shrinks more than 100×.',
    assertions: [
      {
        text: 'orthogonal: std(layer 10) / std(layer 1) within 0.9…1.1',
        variant: 'orthogonal',
        measure: { kind: 'actStdRatio', from: 'd1', to: 'd10' },
        op: 'between',
        min: 0.9,
        max: 1.1,
      },
      {
        text: 'N(0, 0.05²): the ratio is below 0.01',
        variant: 'gaussian',
        measure: { kind: 'actStdRatio', from: 'd1', to: 'd10' },
        op: '<',
        value: 0.01,
      },
    ],
    ifNot:
      'A gain other than 1, or non-linear activations, change the picture: tanh shrinks large values even with orthogonal weights.',
  },
  variations: [
    {
      question: 'Does Xavier normal keep the norm as well?',
      set: { 'training.initializer': 'xavier_normal' },
      variants: ['gaussian'],
    },
    {
      question: 'What happens with tanh between the layers?',
      set: Object.fromEntries(TEN.map((id) => [`nodes.${id}.params.activation`, 'tanh'])),
    },
  ],
};
