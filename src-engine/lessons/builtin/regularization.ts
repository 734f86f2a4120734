// Lessons 13–16: fitting less, scaling inputs, and checking gradients.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { chainGraph, type LayerSpec } from './graphs';

const wide = (dropout: boolean): LayerSpec[] => [
  ['input', 'Input'],
  ['hidden1', 'Dense', { units: 64, activation: 'relu' }],
  ...(dropout ? [['drop1', 'Dropout', { rate: 0.5 }] as LayerSpec] : []),
  ['hidden2', 'Dense', { units: 64, activation: 'relu' }],
  ...(dropout ? [['drop2', 'Dropout', { rate: 0.5 }] as LayerSpec] : []),
  ['out', 'Dense', { units: 2, activation: 'softmax' }],
];
const smallSet = {
  dataset: 'moons',
  datasetOptions: { samples: 60, noise: 0.3 },
  loss: 'cross_entropy',
  optimizer: { name: 'adam', lr: 0.02 },
  batchSize: 30,
  epochs: 60,
  validationSplit: 0.5,
  initializer: 'he_normal',
} as const;

export const overfittingLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'dropout-l2',
  order: 13,
  title: 'Dropout and L2 reduce overfitting on a small training set',
  idea: 'Make memorizing harder and the gap between training and validation narrows.',
  explanation: `With 30 noisy training points and two layers of 64 units, a network can memorize every point, noise included: the training loss goes to 0 while the validation loss, measured on 30 points it never sees, climbs. The distance between them, the *generalization gap*, is overfitting made visible.

**L2 regularization** adds $\\lambda \\sum w^2$ to the loss, so every step also pulls each weight towards 0 by $2\\eta\\lambda w$: large weights, which the sharp wiggles of a memorized boundary need, become costly.

**Dropout** zeroes each hidden unit with probability $p$ at every training step (and scales the survivors by $1/(1-p)$), so no unit can rely on particular others; in evaluation every unit is kept. Each step trains a different thinned network, and the final one behaves like their average.

The check compares the gap, final validation loss minus final training loss, of the plain network with the regularized ones, all from the same start.`,
  setup: {
    graphs: {
      plain: chainGraph('Wide net', wide(false), { ...smallSet }),
      dropout: chainGraph('Wide net with dropout', wide(true), { ...smallSet }),
    },
    variants: [
      { id: 'plain', label: 'no regularization', graph: 'plain' },
      { id: 'dropout', label: 'dropout 0.5', graph: 'dropout' },
      { id: 'l2', label: 'L2 0.01', graph: 'plain', set: { 'training.optimizer.l2': 0.01 } },
    ],
  },
  view: { kind: 'losses', log: true },
  check: {
    claim: 'The plain network overfits (validation loss well above training loss); dropout and L2 each narrow that gap.',
    assertions: [
      {
        text: 'plain: validation loss exceeds training loss by more than 0.2',
        variant: 'plain',
        measure: { kind: 'gap' },
        op: '>',
        value: 0.2,
      },
      {
        text: 'dropout: the gap is narrower than the plain net’s',
        variant: 'dropout',
        measure: { kind: 'gap' },
        relativeTo: { variant: 'plain', as: 'difference' },
        op: '<',
        value: 0,
      },
      {
        text: 'L2: the gap is narrower than the plain net’s',
        variant: 'l2',
        measure: { kind: 'gap' },
        relativeTo: { variant: 'plain', as: 'difference' },
        op: '<',
        value: 0,
      },
    ],
    ifNot:
      'With more training data, fewer epochs or a smaller network there is little overfitting to reduce; a tiny L2 factor or dropout rate changes little.',
  },
  variations: [
    {
      question: 'What does a stronger L2 (0.1) do to the training loss?',
      set: { 'training.optimizer.l2': 0.1 },
      variants: ['l2'],
    },
    {
      question: 'Does more data (300 samples) close the gap by itself?',
      set: { 'training.datasetOptions.samples': 300 },
      variants: ['plain'],
    },
  ],
};

const penaltyNet = chainGraph(
  'Spiral classifier',
  [
    ['input', 'Input'],
    ['hidden1', 'Dense', { units: 32, activation: 'relu' }],
    ['hidden2', 'Dense', { units: 32, activation: 'relu' }],
    ['out', 'Dense', { units: 2, activation: 'softmax' }],
  ],
  {
    dataset: 'spiral',
    datasetOptions: { samples: 200 },
    loss: 'cross_entropy',
    optimizer: { name: 'sgd', lr: 0.1 },
    batchSize: 20,
    epochs: 15,
    initializer: 'he_normal',
  },
);

export const penaltiesLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'l1-l2-adamw',
  order: 14,
  title: 'L1 makes weights sparse, L2 shrinks them, and weight decay is not L2 under Adam',
  idea: 'The shape of the penalty decides where the weights end up.',
  explanation: `L1 adds $\\lambda\\sum|w|$ to the loss: its gradient $\\lambda\\operatorname{sign}(w)$ pulls every weight towards 0 by the same amount however small it is, so weights that help little are driven to (about) exactly 0: a *sparse* network. L2 adds $\\lambda \\sum w^2$: its pull $2\\lambda w$ fades as $w$ shrinks, so weights get smaller but rarely reach 0.

With plain SGD, adding $\\lambda w$ to the gradient and shrinking the weights by $\\eta\\lambda w$ each step ("weight decay") are the same thing. Adam divides each gradient by the root of its running squared average, $\\sqrt{\\hat v}$, and that includes the L2 term: weights with large gradients barely feel the penalty. AdamW applies the decay *outside* the adaptive step,
$$w \\leftarrow w - \\eta\\Big(\\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon} + \\lambda w\\Big),$$
so every weight decays at the same rate. Same $\\lambda$, different weights.

What to look for: the check counts how many weights end below 0.01 in size and measures the norm of all weights. Under Adam, the L2 run's weights end far smaller than AdamW's, because the penalty's gradient is rescaled weight by weight instead of shrinking every weight alike.`,
  setup: {
    graphs: { net: penaltyNet },
    variants: [
      { id: 'plain', label: 'SGD' },
      { id: 'l1', label: 'SGD + L1 0.003', set: { 'training.optimizer.l1': 0.003 } },
      { id: 'l2', label: 'SGD + L2 0.01', set: { 'training.optimizer.l2': 0.01 } },
      { id: 'adam-l2', label: 'Adam + L2 0.05', set: { 'training.optimizer': { name: 'adam', lr: 0.01, l2: 0.05 } } },
      { id: 'adamw', label: 'AdamW decay 0.05', set: { 'training.optimizer': { name: 'adamw', lr: 0.01, weightDecay: 0.05 } } },
    ],
  },
  view: { kind: 'losses' },
  check: {
    claim:
      'L1 leaves many more weights near 0 than plain SGD; L2 leaves a smaller weight norm; Adam with L2 and AdamW with the same factor end with clearly different weights.',
    assertions: [
      {
        text: 'L1: at least 10 points more of the weights below 0.01 than with plain SGD',
        variant: 'l1',
        measure: { kind: 'smallWeightFraction', below: 0.01 },
        relativeTo: { variant: 'plain', as: 'difference' },
        op: '>',
        value: 0.1,
      },
      {
        text: 'L2: weight norm below 90 % of plain SGD’s',
        variant: 'l2',
        measure: { kind: 'weightNorm' },
        relativeTo: { variant: 'plain', as: 'ratio' },
        op: '<',
        value: 0.9,
      },
      {
        text: 'Adam + L2 vs AdamW: weight norms differ by more than 20 %',
        variant: 'adam-l2',
        measure: { kind: 'weightNorm' },
        relativeTo: { variant: 'adamw', as: 'ratio' },
        op: '<',
        value: 0.8,
      },
    ],
    ifNot:
      'Smaller penalty factors or fewer epochs leave the weights close to the plain run’s; a much larger one shrinks everything towards 0.',
  },
  variations: [
    {
      question: 'How sparse does a stronger L1 (0.01) make the network, and what does it cost in loss?',
      set: { 'training.optimizer.l1': 0.01 },
      variants: ['l1'],
    },
    {
      question: 'Do Adam + L2 and AdamW agree with a tiny factor (0.0001)?',
      set: { 'training.optimizer.l2': 0.0001, 'training.optimizer.weightDecay': 0.0001 },
      variants: ['adam-l2', 'adamw'],
    },
  ],
};

export const scalingLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'input-scaling',
  order: 15,
  title: 'Input scaling: unscaled regression diverges or crawls, scaled trains',
  idea: 'Features of very different sizes make one learning rate wrong for all of them.',
  explanation: `The cars dataset describes each car by numbers of very different sizes: a weight of about 3,000 pounds, a displacement of about 200 cubic inches, a number of cylinders between 3 and 8. A weight's gradient is proportional to its input, $\\partial L/\\partial w_i = \\delta\\,x_i$, so the weights of the large features take steps thousands of times larger than the others: a learning rate small enough for them leaves the rest crawling, one sized for the rest makes them diverge.

Scaling puts every feature on a comparable range, fitted on the training split only:
$$\\text{min-max: } x' = \\frac{x - \\min}{\\max - \\min} \\in [0, 1], \\qquad \\text{standardization: } x' = \\frac{x - \\mu}{\\sigma}.$$
The same network and learning rate then train smoothly. Here one regression of miles per gallon runs on raw, min-max-scaled and standardized features, from the same weights and batches.

What to look for: the raw run's loss either leaves the chart (diverged) or crawls far above the others, while both scaled runs fall smoothly to a few units of squared miles per gallon. Scaling is fitted on the training split so that no information from validation leaks in.`,
  setup: {
    graphs: {
      net: chainGraph(
        'Cars regression',
        [
          ['input', 'Input'],
          ['hidden', 'Dense', { units: 16, activation: 'relu' }],
          ['out', 'Dense', { units: 1 }],
        ],
        {
          dataset: 'cars',
          loss: 'mse',
          optimizer: { name: 'sgd', lr: 0.01 },
          batchSize: 32,
          epochs: 15,
          validationSplit: 0.2,
          initializer: 'he_normal',
        },
      ),
    },
    variants: [
      { id: 'raw', label: 'raw features', set: { 'training.datasetOptions': { scaling: 'none' } } },
      { id: 'minmax', label: 'min-max', set: { 'training.datasetOptions': { scaling: 'minmax' } } },
      { id: 'standard', label: 'standardized', set: { 'training.datasetOptions': { scaling: 'standard' } } },
    ],
  },
  view: { kind: 'losses', log: true },
  check: {
    claim:
      'An unscaled regression diverges or crawls (its loss ends more than 3× above the standardized run’s, validation R² below 0.3), while min-max scaling and standardization train (loss below a fifth of the first epoch’s, validation R² above 0.6).',
    assertions: [
      {
        text: 'raw: diverged, or crawling: final training loss more than 3× the standardized run’s',
        variant: 'raw',
        measure: { kind: 'final', metric: 'trainLoss' },
        relativeTo: { variant: 'standard', as: 'ratio' },
        op: '>',
        value: 3,
      },
      {
        text: 'raw: diverged, or validation R² below 0.3',
        variant: 'raw',
        measure: { kind: 'final', metric: 'valR2' },
        op: '<',
        value: 0.3,
      },
      {
        text: 'min-max: the loss falls below a fifth of the first epoch’s',
        variant: 'minmax',
        measure: { kind: 'lossRatio' },
        op: '<',
        value: 0.2,
      },
      {
        text: 'min-max: validation R² above 0.6',
        variant: 'minmax',
        measure: { kind: 'final', metric: 'valR2' },
        op: '>',
        value: 0.6,
      },
      {
        text: 'standardized: the loss falls below a fifth of the first epoch’s',
        variant: 'standard',
        measure: { kind: 'lossRatio' },
        op: '<',
        value: 0.2,
      },
      {
        text: 'standardized: validation R² above 0.6',
        variant: 'standard',
        measure: { kind: 'final', metric: 'valR2' },
        op: '>',
        value: 0.6,
      },
    ],
    ifNot:
      'A much smaller learning rate keeps the raw run finite (it then crawls instead); too few epochs can leave a scaled run short of the mark.',
  },
  variations: [
    {
      question: 'Does a tiny learning rate (0.0000001) save the raw run?',
      set: { 'training.optimizer.lr': 0.0000001 },
      variants: ['raw'],
    },
    {
      question: 'Does Adam cope with raw features?',
      set: { 'training.optimizer': { name: 'adam', lr: 0.01 } },
      variants: ['raw'],
    },
  ],
};

export const gradCheckLesson: LessonInput = {
  format: 'layerlab.lesson/1',
  id: 'gradient-check',
  order: 16,
  title: 'The gradient check catches a wrong derivative',
  idea: 'Compare backprop with finite differences and a wrong derivative stands out.',
  explanation: `Every layer's backward pass is code someone wrote, and a wrong derivative does not crash: the network just learns badly. The gradient check compares it with the definition of the derivative, a central difference:
$$\\frac{\\partial f}{\\partial x_i} \\approx \\frac{f(x + h e_i) - f(x - h e_i)}{2h},$$
whose error is of order $h^2$. In double precision with $h \\approx 10^{-5}$, a correct backward pass agrees to about $10^{-8}$ in relative error
$$\\frac{|g_{\\text{backprop}} - g_{\\text{numeric}}|}{\\max(|g_{\\text{backprop}}|, |g_{\\text{numeric}}|)},$$
while a wrong one is off by a factor: errors of 0.1 or more.

This lesson has a small registry of its own with three layers: $x^2$ with its true derivative $2x$, a "broken" $x^2$ whose backward pass forgot the factor 2, and a "broken" sigmoid whose backward pass returns $\\sigma(x)$ instead of $\\sigma(x)(1-\\sigma(x))$. They never reach the app's layer palette. The check runs the gradient check on each.

What to look for: the bar of the correct layer is near 10⁻¹⁰, far below the threshold line, while the two broken layers' bars are above 0.1, far beyond it. LayerLab's own gradient-check test runs the same comparison on every registered op, layer and loss, so a new layer cannot skip it.`,
  setup: { graphs: {}, variants: [] },
  view: { kind: 'gradcheck' },
  check: {
    claim: 'The correct x² passes the gradient check (relative error < 10⁻⁶); both broken layers fail it (relative error > 0.1).',
    assertions: [
      {
        text: 'x² with derivative 2x: relative error below 10⁻⁶',
        measure: { kind: 'gradcheckError', layer: 'square' },
        op: '<',
        value: 1e-6,
      },
      {
        text: 'x² with derivative x: relative error above 0.1',
        measure: { kind: 'gradcheckError', layer: 'broken_square' },
        op: '>',
        value: 0.1,
      },
      {
        text: 'sigmoid with derivative σ: relative error above 0.1',
        measure: { kind: 'gradcheckError', layer: 'broken_sigmoid' },
        op: '>',
        value: 0.1,
      },
    ],
    ifNot: 'This check does not depend on any setting: if it fails, the gradient check itself is broken.',
  },
  variations: [],
};
