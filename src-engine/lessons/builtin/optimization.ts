// Lessons 9–12: how the steps are taken.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { chainGraph, denseStack, ids, type LayerSpec } from './graphs';

export const learningRateLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'learning-rate',
  order: 9,
  title: 'The learning rate: too small, right, too large',
  idea: 'The step size decides between crawling, learning and diverging.',
  explanation: `Gradient descent moves the weights against the gradient, scaled by the learning rate $\\eta$:
$$w \\leftarrow w - \\eta\\,\\nabla_w L .$$
On a quadratic bowl $L = \\tfrac{a}{2} w^2$ one step multiplies the distance to the minimum by $1 - \\eta a$. For $\\eta a$ near 0 that factor is almost 1 and training *crawls*; for $0 < \\eta a < 2$ it shrinks and training converges (fastest near $\\eta a = 1$); for $\\eta a > 2$ its size exceeds 1 and every step overshoots further than the last: the loss grows without bound and soon stops being a number. A network's loss is not a bowl, but its steepest directions behave the same way.

Here one regression network trains three times from the same weights on the same batches, with $\\eta$ = 0.00001, 0.05 and 10.

What to look for: on the log scale the smallest rate draws an almost flat line, the middle one a curve falling steadily, and the largest one a short line that climbs and stops when the run is marked diverged. The best rate is usually a bit below the largest that does not diverge.`,
  setup: {
    graphs: {
      net: chainGraph(
        'Sine regression',
        [
          ['input', 'Input'],
          ['hidden', 'Dense', { units: 16, activation: 'tanh' }],
          ['out', 'Dense', { units: 1 }],
        ],
        {
          dataset: 'sine',
          datasetOptions: { samples: 64 },
          loss: 'mse',
          optimizer: { name: 'sgd', lr: 0.05 },
          batchSize: 16,
          epochs: 40,
        },
      ),
    },
    variants: [
      { id: 'small', label: 'lr 0.00001', set: { 'training.optimizer.lr': 0.00001 } },
      { id: 'right', label: 'lr 0.05' },
      { id: 'large', label: 'lr 10', set: { 'training.optimizer.lr': 10 } },
    ],
  },
  view: { kind: 'losses', log: true },
  check: {
    claim:
      'At lr 0.00001 the loss barely moves (still above 90 % of its first epoch), at 0.05 it falls below half, and at 10 training diverges.',
    assertions: [
      {
        text: 'lr 0.00001: final loss / first-epoch loss > 0.9 (crawling)',
        variant: 'small',
        measure: { kind: 'lossRatio' },
        op: '>',
        value: 0.9,
      },
      {
        text: 'lr 0.05: final loss / first-epoch loss < 0.5',
        variant: 'right',
        measure: { kind: 'lossRatio' },
        op: '<',
        value: 0.5,
      },
      { text: 'lr 10: the run diverges', variant: 'large', measure: { kind: 'diverged' }, op: '==', value: 1 },
    ],
    ifNot:
      'The boundaries depend on the network and the data: other layers, a different batch size or scaled inputs move the point where steps start to overshoot.',
  },
  variations: [
    {
      question: 'Where between 0.05 and 10 does it start to diverge? Try lr 1.',
      set: { 'training.optimizer.lr': 1 },
      variants: ['large'],
    },
    { question: 'Does Adam at lr 10 diverge too?', set: { 'training.optimizer.name': 'adam' }, variants: ['large'] },
  ],
};

export const momentumLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'momentum-adam',
  order: 10,
  title: 'Momentum and Adam against SGD on an elongated valley',
  idea: 'Remembering past steps, or scaling each direction, beats plain steps in a narrow valley.',
  explanation: `On the valley $f(x, y) = x^2/20 + y^2$ the slope across ($2y$) is twenty times the slope along ($x/10$). Plain SGD with a step small enough not to bounce across the valley crawls along it.

**Momentum** keeps a velocity: $v \\leftarrow \\mu v + \\nabla f$, $w \\leftarrow w - \\eta v$. Along the valley the gradients agree and the velocity builds up to about $1/(1-\\mu)$ times a single step; across, they alternate and cancel.

**Adam** divides each coordinate's step by a running root-mean-square of its gradients,
$$w \\leftarrow w - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon},$$
so shallow and steep directions both move about $\\eta$ per step.

The optimizer lab walks the real optimizers over the valley for 100 steps (the view); the runs do the same on a real network, a classifier of the two moons, from the same weights and batches.

What to look for: in the lab, SGD's path creeps along the valley floor and is still far from the minimum after 100 steps, while momentum overshoots, swings back and settles, and Adam heads almost straight along the diagonal. In the runs, the same ordering shows in the loss curves.`,
  setup: {
    graphs: {
      net: chainGraph(
        'Moons classifier',
        [
          ['input', 'Input'],
          ['hidden1', 'Dense', { units: 16, activation: 'tanh' }],
          ['hidden2', 'Dense', { units: 16, activation: 'tanh' }],
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        {
          dataset: 'moons',
          datasetOptions: { samples: 200 },
          loss: 'cross_entropy',
          optimizer: { name: 'sgd', lr: 0.01 },
          batchSize: 20,
          epochs: 10,
        },
      ),
    },
    variants: [
      { id: 'sgd', label: 'SGD' },
      { id: 'momentum', label: 'momentum 0.9', set: { 'training.optimizer': { name: 'momentum', lr: 0.01, momentum: 0.9 } } },
      { id: 'adam', label: 'Adam', set: { 'training.optimizer': { name: 'adam', lr: 0.01 } } },
    ],
  },
  view: {
    kind: 'optimizerPath',
    surface: 'elongated',
    steps: 100,
    optimizers: [
      { name: 'sgd', lr: 0.1 },
      { name: 'momentum', lr: 0.1, momentum: 0.9 },
      { name: 'adam', lr: 0.1 },
    ],
  },
  check: {
    claim:
      'On the valley, momentum and Adam end more than 10× lower than SGD after 100 steps; on the network, both reach a lower training loss than SGD at the same learning rate.',
    assertions: [
      {
        text: 'valley: momentum ends below a tenth of SGD',
        measure: { kind: 'labLoss', surface: 'elongated', optimizer: 'momentum', lr: 0.1, momentum: 0.9, steps: 100 },
        op: '<',
        value: 0.03,
      },
      {
        text: 'valley: SGD is still far from the bottom (f > 0.3)',
        measure: { kind: 'labLoss', surface: 'elongated', optimizer: 'sgd', lr: 0.1, steps: 100 },
        op: '>',
        value: 0.3,
      },
      {
        text: 'valley: Adam ends below a tenth of SGD',
        measure: { kind: 'labLoss', surface: 'elongated', optimizer: 'adam', lr: 0.1, steps: 100 },
        op: '<',
        value: 0.03,
      },
      {
        text: 'network: momentum’s final loss is below SGD’s',
        variant: 'momentum',
        measure: { kind: 'final', metric: 'trainLoss' },
        relativeTo: { variant: 'sgd', as: 'ratio' },
        op: '<',
        value: 0.9,
      },
      {
        text: 'network: Adam’s final loss is below SGD’s',
        variant: 'adam',
        measure: { kind: 'final', metric: 'trainLoss' },
        relativeTo: { variant: 'sgd', as: 'ratio' },
        op: '<',
        value: 0.9,
      },
    ],
    ifNot:
      'With a much larger learning rate SGD catches up (or all of them bounce); with fewer epochs the differences may not have shown yet.',
  },
  variations: [
    { question: 'Does SGD catch up at lr 0.1?', set: { 'training.optimizer.lr': 0.1 }, variants: ['sgd'] },
    {
      question: 'How does RMSprop compare?',
      set: { 'training.optimizer': { name: 'rmsprop', lr: 0.01 } },
      variants: ['momentum'],
    },
  ],
};

export const batchSizeLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'batch-size',
  order: 11,
  title: 'Mini-batch size: noise falls as 1/B, and so do the steps per epoch',
  idea: 'A bigger batch gives a better gradient estimate but fewer updates per pass.',
  explanation: `A mini-batch loss is the average of $B$ per-sample losses, an estimate of the loss over the whole training set. Averaging $B$ independent draws divides the variance by $B$:
$$\\operatorname{Var}\\Big(\\frac1B \\sum_{i=1}^{B} \\ell_i\\Big) = \\frac{\\sigma^2}{B},$$
and the same holds for the mini-batch gradient. So a batch 16 times larger is about 16 times less noisy, and on a log-log plot the noise against $B$ is a line of slope $-1$.

The price is fewer updates: one epoch over $N$ samples takes $\\lceil N/B \\rceil$ steps. Here the network is kept almost still (a tiny learning rate) so that the spread of the step losses measures only the batch noise, for $B$ = 4, 16 and 64 on 512 samples.

What to look for: the batch-4 loss curve is a thick band of noise, the batch-64 one a thin line around the same value. The check measures the band's width as a variance. Noise is not only bad: it helps escape sharp minima. And larger batches need fewer, though more costly, steps per epoch.`,
  setup: {
    graphs: {
      net: chainGraph(
        'Spiral classifier',
        [
          ['input', 'Input'],
          ['hidden', 'Dense', { units: 16, activation: 'tanh' }],
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        {
          dataset: 'spiral',
          datasetOptions: { samples: 512 },
          loss: 'cross_entropy',
          optimizer: { name: 'sgd', lr: 0.000001 },
          batchSize: 16,
          epochs: 6,
          initializer: 'he_normal',
        },
      ),
    },
    variants: [
      { id: 'b4', label: 'batch 4', set: { 'training.batchSize': 4 } },
      { id: 'b16', label: 'batch 16' },
      { id: 'b64', label: 'batch 64', set: { 'training.batchSize': 64 } },
    ],
  },
  view: { kind: 'losses' },
  check: {
    claim:
      'The variance of the step losses falls roughly as 1/B (16× the batch: between 5× and 50× less variance), and an epoch takes 128, 32 and 8 steps.',
    assertions: [
      {
        text: 'variance(B=4) / variance(B=64) between 16^0.6 ≈ 5 and 16^1.4 ≈ 49',
        variant: 'b4',
        measure: { kind: 'stepLossVariance' },
        relativeTo: { variant: 'b64', as: 'ratio' },
        op: 'between',
        min: 5.3,
        max: 48.5,
      },
      {
        text: 'variance(B=4) / variance(B=16) between 4^0.5 = 2 and 4^1.5 = 8',
        variant: 'b4',
        measure: { kind: 'stepLossVariance' },
        relativeTo: { variant: 'b16', as: 'ratio' },
        op: 'between',
        min: 2,
        max: 8,
      },
      { text: 'B = 4: 128 steps per epoch', variant: 'b4', measure: { kind: 'stepsPerEpoch' }, op: '==', value: 128 },
      { text: 'B = 64: 8 steps per epoch', variant: 'b64', measure: { kind: 'stepsPerEpoch' }, op: '==', value: 8 },
    ],
    ifNot:
      'With a real learning rate the loss also falls while it is measured, which adds its own spread; with few epochs the variance estimates are rough.',
  },
  variations: [
    { question: 'What does a real learning rate (0.1) add to the noise?', set: { 'training.optimizer.lr': 0.1 } },
    { question: 'Does B = 128 continue the line?', set: { 'training.batchSize': 128 }, variants: ['b64'] },
  ],
};

const SIX = ids(6, 'd');
const sigmoidStack: LayerSpec[] = [
  ['input', 'Input'],
  ...denseStack(6, 'd', { units: 16, activation: 'sigmoid' }),
  ['out', 'Dense', { units: 2, activation: 'softmax' }],
];
const normalizedStack: LayerSpec[] = [
  ['input', 'Input'],
  ...SIX.flatMap((id): LayerSpec[] => [
    [id, 'Dense', { units: 16, activation: 'linear' }],
    [`${id}bn`, 'BatchNorm'],
    [`${id}act`, 'Sigmoid'],
  ]),
  ['out', 'Dense', { units: 2, activation: 'softmax' }],
];
const deepTraining = {
  dataset: 'circle',
  datasetOptions: { samples: 256 },
  loss: 'cross_entropy',
  optimizer: { name: 'sgd', lr: 0.5 },
  batchSize: 16,
  epochs: 12,
  validationSplit: 0.25,
} as const;

export const batchNormLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'batch-norm',
  order: 12,
  title: 'Batch normalization rescues a deep sigmoid net',
  idea: 'Re-centring and re-scaling every layer’s inputs keeps sigmoid units out of their flat ends.',
  explanation: `Batch normalization standardizes each unit's pre-activation over the mini-batch, then lets the network choose a scale and shift:
$$\\hat z = \\frac{z - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}, \\qquad y = \\gamma\\,\\hat z + \\beta .$$
In a deep sigmoid network the pre-activations drift away from 0 as training changes the layers below, the units saturate and the gradient reaching the first layers all but vanishes (lesson 3). Normalizing keeps $z$ near the steep middle of the sigmoid, where $\\sigma'$ is largest, whatever the layers below do, so every layer keeps learning, and larger learning rates become safe. In evaluation the running averages of $\\mu$ and $\\sigma^2$ replace the batch's.

Here six sigmoid layers learn the circle dataset, with and without a BatchNorm between each Dense layer and its sigmoid.

What to look for: the plain network's loss stays flat at about 0.69 for every epoch, the loss of always answering one half, while the batch-normalized one drops within the first few epochs. Below, each Dense layer's gradient norm: the plain net's falls steeply towards the input, the normalized one's stays level. Both have the same Dense layers and start from the same Dense weights; only the normalization differs.`,
  setup: {
    graphs: {
      plain: { ...chainGraph('Six sigmoid layers', sigmoidStack, { ...deepTraining }) },
      normalized: { ...chainGraph('Six sigmoid layers with batch norm', normalizedStack, { ...deepTraining }) },
    },
    variants: [
      { id: 'plain', label: 'sigmoid', graph: 'plain' },
      { id: 'batchnorm', label: 'sigmoid + batch norm', graph: 'normalized' },
    ],
  },
  view: { kind: 'accuracy' },
  extraViews: [{ kind: 'byDepth', metric: 'gradNorm', nodes: SIX, log: true }],
  check: {
    claim:
      'Batch normalization rescues a deep sigmoid net: without it the six sigmoid layers never leave chance (loss ≈ ln 2 in every epoch) because the gradient vanishes on its way down; with a BatchNorm before each sigmoid the gradient reaches the first layer and the net learns (loss below 0.5, more than 80 % right).',
    assertions: [
      {
        text: 'plain: no epoch’s training loss gets below 0.65 (chance is ln 2 ≈ 0.693)',
        variant: 'plain',
        measure: { kind: 'overEpochs', metric: 'trainLoss', of: 'min' },
        op: '>',
        value: 0.65,
      },
      {
        text: 'plain: no epoch gets more than 65 % of the training points right',
        variant: 'plain',
        measure: { kind: 'overEpochs', metric: 'trainAcc', of: 'max' },
        op: '<',
        value: 0.65,
      },
      {
        text: 'plain: the gradient shrinks more than 5× per two layers towards the input',
        variant: 'plain',
        measure: { kind: 'gradNormDrop', nodes: SIX },
        op: '>',
        value: 5,
      },
      {
        text: 'batch norm: the gradient shrinks less than 3× per two layers',
        variant: 'batchnorm',
        measure: { kind: 'gradNormDrop', nodes: SIX },
        op: '<',
        value: 3,
      },
      {
        text: 'batch norm: the training loss falls below 0.5',
        variant: 'batchnorm',
        measure: { kind: 'final', metric: 'trainLoss' },
        op: '<',
        value: 0.5,
      },
      {
        text: 'batch norm: more than 80 % of the training points right',
        variant: 'batchnorm',
        measure: { kind: 'final', metric: 'trainAcc' },
        op: '>',
        value: 0.8,
      },
    ],
    ifNot:
      'Many more epochs or an adaptive optimizer such as Adam can get the plain net moving too; a tiny batch makes the batch statistics noisy.',
  },
  variations: [
    {
      question: 'Can Adam train the plain net instead?',
      set: { 'training.optimizer': { name: 'adam', lr: 0.01 } },
      variants: ['plain'],
    },
    { question: 'Does batch norm still help with batches of 4?', set: { 'training.batchSize': 4 }, variants: ['batchnorm'] },
  ],
};
