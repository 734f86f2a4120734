// Initializers by name, each a textbook formula over the fans. The registry is what the
// inspector's initializer picker and the CLI list.
import { sizeOf } from '../core/shape';
import { orthogonalValues } from './orthogonal';
import { normalValues, truncatedNormalValues, uniformValues } from './sampling';
import { validateParams, type ParamError, type ParamSpec } from '../core/params';
import { Registry } from '../core/registry';
import type { InitContext, InitializerInfo, InitializerTraits, InitOptions } from './types';

/** A registered initializer: what the pickers and docs show, and its formula over the fans. */
export interface InitializerDef extends InitializerInfo {
  values(shape: readonly number[], ctx: InitContext, options: Required<InitOptions>): Float64Array;
}

export const initializerRegistry = new Registry<InitializerDef>('initializer', (d) => d.name);

export function registerInitializer(
  name: string,
  label: string,
  description: string,
  values: InitializerDef['values'],
  params: ParamSpec[] = [],
  traits: InitializerTraits = {},
): InitializerDef {
  return initializerRegistry.register({ name, label, description, params, values, ...traits });
}

const entry = registerInitializer;

// The settings of the initializers that take one: declared once, read by validation, the Training panel and the docs.
const valueSpec: ParamSpec = {
  kind: 'number',
  name: 'value',
  label: 'Value',
  default: 0.1,
  description: 'The value every weight starts at.',
};
const stdSpec: ParamSpec = {
  kind: 'number',
  name: 'std',
  label: 'Standard deviation',
  default: 0.05,
  min: 0,
  exclusiveMin: true,
  description: 'Spread of the normal distribution the weights are drawn from.',
};
const limitSpec: ParamSpec = {
  kind: 'number',
  name: 'limit',
  label: 'Limit',
  default: 0.05,
  min: 0,
  exclusiveMin: true,
  description: 'Weights are drawn from [−limit, limit].',
};
const gainSpec: ParamSpec = {
  kind: 'number',
  name: 'gain',
  label: 'Gain',
  default: 1,
  min: 0,
  exclusiveMin: true,
  description: 'Scale applied to the orthogonal matrix.',
};

entry(
  'zeros',
  'Zeros',
  'All weights 0 (fine for biases; for weights it makes every unit identical).',
  (shape) => new Float64Array(sizeOf(shape)),
  [],
  { sameForEveryWeight: true, inInitLab: true },
);
entry(
  'constant',
  'Constant',
  'Every weight the same value (default 0.1).',
  (shape, _c, o) => new Float64Array(sizeOf(shape)).fill(o.value),
  [valueSpec],
  { sameForEveryWeight: true },
);
entry(
  'normal',
  'Normal',
  'Gaussian N(0, std²), default std 0.05; std 1 shows exploding/vanishing signals.',
  (shape, c, o) => normalValues(sizeOf(shape), o.std, c.rng),
  [stdSpec],
  { inInitLab: true },
);
entry(
  'uniform',
  'Uniform',
  'Uniform in [−limit, limit], default limit 0.05.',
  (shape, c, o) => uniformValues(sizeOf(shape), o.limit, c.rng),
  [limitSpec],
);
entry('standard', 'Standard (1/√fan_in)', 'Uniform in ±1/√fan_in, the classic default of many libraries.', (shape, c) =>
  uniformValues(sizeOf(shape), 1 / Math.sqrt(fan(c.fanIn, 'fanIn')), c.rng),
);
entry(
  'xavier_normal',
  'Xavier / Glorot normal',
  'N(0, 2/(fan_in+fan_out)): keeps signal variance steady for tanh/sigmoid.',
  (shape, c) => normalValues(sizeOf(shape), Math.sqrt(2 / fanSum(c)), c.rng),
);
entry(
  'xavier_uniform',
  'Xavier / Glorot uniform',
  'Uniform in ±√(6/(fan_in+fan_out)): same variance as Xavier normal.',
  (shape, c) => uniformValues(sizeOf(shape), Math.sqrt(6 / fanSum(c)), c.rng),
  [],
  { inInitLab: true },
);
entry(
  'he_normal',
  'He / Kaiming normal',
  'Normal truncated at 2σ with std √(2/fan_in): keeps ReLU signals from shrinking.',
  (shape, c) => truncatedNormalValues(sizeOf(shape), Math.sqrt(2 / fan(c.fanIn, 'fanIn')), c.rng),
  [],
  { inInitLab: true },
);
entry(
  'he_uniform',
  'He / Kaiming uniform',
  'Uniform in ±√(6/fan_in): same variance as He normal, for ReLU.',
  (shape, c) => uniformValues(sizeOf(shape), Math.sqrt(6 / fan(c.fanIn, 'fanIn')), c.rng),
  [],
  { inInitLab: true },
);
entry('lecun_normal', 'LeCun normal', 'Normal truncated at 2σ with std √(1/fan_in): the one SELU expects.', (shape, c) =>
  truncatedNormalValues(sizeOf(shape), Math.sqrt(1 / fan(c.fanIn, 'fanIn')), c.rng),
);
entry(
  'orthogonal',
  'Orthogonal',
  'A random orthogonal matrix (times gain): keeps vector lengths, good for recurrent weights.',
  (shape, c, o) => orthogonalValues(shape, o.gain, c.rng),
  [gainSpec],
  { inInitLab: true },
);

export function listInitializers(): InitializerInfo[] {
  return initializerRegistry.list().map(({ values: _values, ...info }) => ({ ...info, params: [...info.params] }));
}

/**
 * Checks the options of initializer `name` against its declared settings and fills defaults.
 * Options that belong to other initializers are ignored (the Training panel keeps one per kind).
 */
export function checkInitializerOptions(
  name: string,
  options: InitOptions | undefined,
): { values: Required<InitOptions>; errors: ParamError[] } {
  const specs = initializerRegistry.get(name)?.params ?? [];
  const given = (options ?? {}) as Record<string, unknown>;
  const relevant = Object.fromEntries(specs.filter((s) => given[s.name] !== undefined).map((s) => [s.name, given[s.name]]));
  const { values, errors } = validateParams(specs, relevant);
  return { values: values as Required<InitOptions>, errors };
}

export function isInitializer(name: string): boolean {
  return initializerRegistry.has(name);
}

/** Starting values for a tensor of `shape`, row-major. Throws on an unknown name, listing the known ones. */
export function initialValues(name: string, shape: readonly number[], ctx: InitContext, options: InitOptions = {}): Float64Array {
  const found = initializerRegistry.get(name);
  if (!found) throw new Error(initializerRegistry.unknownMessage(name));
  const { values, errors } = checkInitializerOptions(name, options);
  if (errors.length) throw new Error(`${found.label} initializer: ${errors.map((e) => e.message).join('; ')}`);
  return found.values(shape, ctx, values);
}

function fan(v: number, what: string): number {
  if (!(Number.isFinite(v) && v > 0)) throw new Error(`initializer needs ${what} > 0, got ${v}`);
  return v;
}

function fanSum(c: InitContext): number {
  return fan(c.fanIn, 'fanIn') + fan(c.fanOut, 'fanOut');
}
