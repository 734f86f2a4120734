// The settings each optimizer shows in the inspector and the CLI help, with defaults and ranges.
import type { ParamSpec } from '../core/params';

export function lrSpec(defaultLr: number): ParamSpec {
  return {
    name: 'lr',
    label: 'Learning rate',
    kind: 'number',
    default: defaultLr,
    min: 0,
    max: 10,
    exclusiveMin: true,
    description: 'How far each step moves the weights along the (processed) gradient.',
  };
}

export const momentumSpec: ParamSpec = {
  name: 'momentum',
  label: 'Momentum',
  kind: 'number',
  default: 0.9,
  min: 0,
  max: 1,
  exclusiveMax: true,
  description: 'Fraction of the previous velocity kept each step (0 = plain SGD).',
};

export const rhoSpec: ParamSpec = {
  name: 'rho',
  label: 'Rho (decay)',
  kind: 'number',
  default: 0.9,
  min: 0,
  max: 1,
  exclusiveMax: true,
  description: 'How slowly the running average of squared gradients forgets (closer to 1 = longer memory).',
};

export const beta1Spec: ParamSpec = {
  name: 'beta1',
  label: 'Beta 1',
  kind: 'number',
  default: 0.9,
  min: 0,
  max: 1,
  exclusiveMax: true,
  description: 'Decay of the running mean of gradients (the momentum part).',
};

export const beta2Spec: ParamSpec = {
  name: 'beta2',
  label: 'Beta 2',
  kind: 'number',
  default: 0.999,
  min: 0,
  max: 1,
  exclusiveMax: true,
  description: 'Decay of the running mean of squared gradients (the per-weight step size).',
};

export function epsSpec(defaultEps: number): ParamSpec {
  return {
    name: 'eps',
    label: 'Epsilon',
    kind: 'number',
    default: defaultEps,
    min: 0,
    max: 1,
    exclusiveMin: true,
    description: 'Added to the root in the denominator (outside the square root) so it never divides by zero.',
  };
}

export const decoupledDecaySpec: ParamSpec = {
  name: 'weightDecay',
  label: 'Weight decay',
  kind: 'number',
  group: 'regularization',
  default: 0.01,
  min: 0,
  max: 1,
  description: 'Shrinks weights by lr·decay·w each step, apart from the gradient (decoupled, AdamW).',
};

/** weightDecay on every optimizer but AdamW: accepted, as PyTorch users expect, and added to l2. */
export const coupledDecaySpec: ParamSpec = {
  name: 'weightDecay',
  label: 'Weight decay',
  kind: 'number',
  group: 'regularization',
  min: 0,
  max: 1,
  optional: true,
  description: 'Coupled weight decay: the same thing as the L2 penalty, added to it.',
};

/** Penalties and clipping, shared by all optimizers. */
export const commonSpecs: ParamSpec[] = [
  {
    name: 'l1',
    group: 'regularization',
    label: 'L1 penalty',
    kind: 'number',
    default: 0,
    min: 0,
    max: 1,
    description:
      'Adds l1·sign(w) to the gradient (a subgradient of l1·‖w‖₁), pushing weights towards zero; they hover around it rather than land on it unless L1 is proximal (biases, gamma, beta exempt).',
  },
  {
    name: 'l1Proximal',
    group: 'regularization',
    label: 'Proximal L1',
    kind: 'bool',
    default: false,
    description:
      'Applies L1 as a soft-threshold step after each update, w ← sign(w)·max(|w| − lr·l1, 0), instead of in the gradient: weights the loss does not need land on exactly 0 (a sparse network).',
  },
  {
    name: 'l2',
    group: 'regularization',
    label: 'L2 penalty',
    kind: 'number',
    default: 0,
    min: 0,
    max: 1,
    description: 'Adds l2·w to the gradient (the gradient of ½·l2·‖w‖²), keeping weights small (biases, gamma, beta exempt).',
  },
  {
    name: 'clipNorm',
    group: 'regularization',
    label: 'Clip norm',
    kind: 'number',
    min: 0,
    exclusiveMin: true,
    optional: true,
    description: 'If set, rescales all gradients together whenever their combined length exceeds this.',
  },
];
