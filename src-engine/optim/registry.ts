// The optimizers the UI and CLI can offer, and the one place that turns settings into an instance.
import { validateParams, type ParamError, type ParamSpec } from '../core/params';
import { Registry } from '../core/registry';
import { AdagradOptimizer } from './adagrad';
import { AdamOptimizer } from './adam';
import type { CommonSettings } from './baseOptimizer';
import { MomentumOptimizer } from './momentum';
import * as specs from './paramSpecs';
import { RmspropOptimizer } from './rmsprop';
import { checkSchedule } from './schedules';
import { SgdOptimizer } from './sgd';
import type { Optimizer, OptimizerInfo, OptimizerSettings } from './types';

type Values = Record<string, number>;

/** A registered optimizer: what the UI, CLI and docs show, and how to build it from checked settings. */
export interface OptimizerDef extends OptimizerInfo {
  create(values: Values, common: CommonSettings): Optimizer;
}

export const optimizerRegistry = new Registry<OptimizerDef>('optimizer', (d) => d.name);

/**
 * Adds an optimizer: its own settings (`own`, lr first) are joined by the penalties and clipping every
 * rule takes, and, unless it declares its own weightDecay, the coupled weight decay (added to l2).
 */
export function registerOptimizer(
  name: string,
  label: string,
  description: string,
  own: ParamSpec[],
  create: OptimizerDef['create'],
  traits: Pick<OptimizerInfo, 'inOptimizerLab'> = {},
): OptimizerDef {
  const decay = own.some((s) => s.name === 'weightDecay') ? [] : [specs.coupledDecaySpec];
  return optimizerRegistry.register({
    name,
    label,
    description,
    params: [...own, ...specs.commonSpecs, ...decay],
    create,
    ...traits,
  });
}

// In order of increasing complexity.
const entry = registerOptimizer;

const adamSpecs = [specs.lrSpec(0.001), specs.beta1Spec, specs.beta2Spec, specs.epsSpec(1e-8)];

const lab = { inOptimizerLab: true };

entry('sgd', 'SGD', 'Plain gradient descent: w ← w − lr·g.', [specs.lrSpec(0.01)], (_v, c) => new SgdOptimizer(c), lab);
entry(
  'momentum',
  'SGD + momentum',
  'Keeps a velocity v ← μv + g and steps w ← w − lr·v, rolling through small bumps.',
  [specs.lrSpec(0.01), specs.momentumSpec],
  (v, c) => new MomentumOptimizer(c, v.momentum, false),
  lab,
);
entry(
  'nesterov',
  'Nesterov momentum',
  'Momentum that looks ahead: v ← μv + g, w ← w − lr·(g + μv).',
  [specs.lrSpec(0.01), specs.momentumSpec],
  (v, c) => new MomentumOptimizer(c, v.momentum, true),
  lab,
);
entry(
  'adagrad',
  'Adagrad',
  'Divides each weight’s step by the root of its summed squared gradients; steps shrink over time.',
  [specs.lrSpec(0.01), specs.epsSpec(1e-10)],
  (v, c) => new AdagradOptimizer(c, v.eps),
  lab,
);
entry(
  'rmsprop',
  'RMSprop',
  'Divides each weight’s step by the root of a running average of squared gradients.',
  [specs.lrSpec(0.001), specs.rhoSpec, specs.epsSpec(1e-8)],
  (v, c) => new RmspropOptimizer(c, v.rho, v.eps),
  lab,
);
entry(
  'adam',
  'Adam',
  'Momentum plus RMSprop-style scaling, with bias correction for the first steps.',
  adamSpecs,
  (v, c) => new AdamOptimizer('adam', c, { beta1: v.beta1, beta2: v.beta2, eps: v.eps, decoupledDecay: 0 }),
  lab,
);
entry(
  'adamw',
  'AdamW',
  'Adam with weight decay applied to the weights directly, not mixed into the adaptive gradient.',
  [...adamSpecs, specs.decoupledDecaySpec],
  (v, c) => new AdamOptimizer('adamw', c, { beta1: v.beta1, beta2: v.beta2, eps: v.eps, decoupledDecay: v.weightDecay }),
);

export function listOptimizers(): OptimizerInfo[] {
  return optimizerRegistry.list().map(({ create: _create, ...info }) => ({ ...info, params: [...info.params] }));
}

export function isOptimizer(name: string): boolean {
  return optimizerRegistry.has(name);
}

/**
 * Checks optimizer settings by the rules the optimizer itself uses: the name, every number that
 * applies to the rule (missing ones take defaults), and the schedule. Fields that do not apply to
 * the rule are ignored (the Training panel keeps them when the rule changes). Error fields are
 * relative to the optimizer settings: `lr`, `schedule.gamma`, `name`.
 */
export function checkOptimizerSettings(settings: OptimizerSettings): { values: Values; errors: ParamError[]; label: string } {
  const found = optimizerRegistry.get(settings.name);
  if (!found)
    return {
      values: {},
      errors: [{ field: 'name', message: optimizerRegistry.unknownMessage(settings.name) }],
      label: settings.name,
    };
  const given = settings as unknown as Record<string, unknown>;
  const relevant = Object.fromEntries(
    found.params.filter((s) => given[s.name] !== undefined).map((s) => [s.name, given[s.name]]),
  );
  const { values, errors } = validateParams(found.params, relevant);
  if (settings.schedule)
    errors.push(...checkSchedule(settings.schedule).errors.map((e) => ({ ...e, field: `schedule.${e.field}` })));
  return { values: values as Values, errors, label: found.label };
}

/**
 * Builds the optimizer named in `settings`. Missing numbers take the rule's defaults; fields that
 * do not apply to the rule are ignored; out-of-range numbers and unknown names throw plain messages.
 */
export function createOptimizer(settings: OptimizerSettings): Optimizer {
  const { values: v, errors, label } = checkOptimizerSettings(settings);
  if (errors.length)
    throw new Error(errors[0].field === 'name' ? errors[0].message : `${label}: ${errors.map((e) => e.message).join('; ')}`);
  const found = optimizerRegistry.get(settings.name)!;
  // A rule that declares its own weightDecay applies it itself (decoupled, AdamW); for the others it is an L2 term.
  const decoupled = !found.params.includes(specs.coupledDecaySpec);
  const common: CommonSettings = {
    lr: v.lr,
    l1: v.l1,
    // For every rule but AdamW, weight decay is the classic coupled L2 term.
    l2: v.l2 + (decoupled ? 0 : (v.weightDecay ?? 0)),
    // The one switch among the numbers (checked as a bool by its spec).
    l1Proximal: settings.l1Proximal === true,
    clipNorm: v.clipNorm,
    schedule: settings.schedule,
  };
  return found.create(v, common);
}
