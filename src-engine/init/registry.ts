// Initializers by name, each a textbook formula over the fans. The registry is what the
// inspector's initializer picker and the CLI list.
import { sizeOf } from '../core/shape';
import { orthogonalValues } from './orthogonal';
import { normalValues, truncatedNormalValues, uniformValues } from './sampling';
import type { InitContext, InitializerInfo, InitOptions } from './types';

interface Entry {
  info: InitializerInfo;
  values(shape: readonly number[], ctx: InitContext, options: InitOptions): Float64Array;
}

function entry(name: string, label: string, description: string, values: Entry['values']): Entry {
  return { info: { name, label, description }, values };
}

const ENTRIES: Entry[] = [
  entry('zeros', 'Zeros', 'All weights 0 (fine for biases; for weights it makes every unit identical).', (shape) =>
    new Float64Array(sizeOf(shape))),
  entry('constant', 'Constant', 'Every weight the same value (default 0.1).', (shape, _c, o) =>
    new Float64Array(sizeOf(shape)).fill(finite(o.value ?? 0.1, 'value'))),
  entry('normal', 'Normal', 'Gaussian N(0, std²), default std 0.05; std 1 shows exploding/vanishing signals.', (shape, c, o) =>
    normalValues(sizeOf(shape), nonNegative(o.std ?? 0.05, 'std'), c.rng)),
  entry('uniform', 'Uniform', 'Uniform in [−limit, limit], default limit 0.05.', (shape, c, o) =>
    uniformValues(sizeOf(shape), nonNegative(o.limit ?? 0.05, 'limit'), c.rng)),
  entry('standard', 'Standard (1/√fan_in)', 'Uniform in ±1/√fan_in, the classic default of many libraries.', (shape, c) =>
    uniformValues(sizeOf(shape), 1 / Math.sqrt(fan(c.fanIn, 'fanIn')), c.rng)),
  entry('xavier_normal', 'Xavier / Glorot normal', 'N(0, 2/(fan_in+fan_out)): keeps signal variance steady for tanh/sigmoid.', (shape, c) =>
    normalValues(sizeOf(shape), Math.sqrt(2 / fanSum(c)), c.rng)),
  entry('xavier_uniform', 'Xavier / Glorot uniform', 'Uniform in ±√(6/(fan_in+fan_out)): same variance as Xavier normal.', (shape, c) =>
    uniformValues(sizeOf(shape), Math.sqrt(6 / fanSum(c)), c.rng)),
  entry('he_normal', 'He / Kaiming normal', 'Normal truncated at 2σ with std √(2/fan_in): keeps ReLU signals from shrinking.', (shape, c) =>
    truncatedNormalValues(sizeOf(shape), Math.sqrt(2 / fan(c.fanIn, 'fanIn')), c.rng)),
  entry('he_uniform', 'He / Kaiming uniform', 'Uniform in ±√(6/fan_in): same variance as He normal, for ReLU.', (shape, c) =>
    uniformValues(sizeOf(shape), Math.sqrt(6 / fan(c.fanIn, 'fanIn')), c.rng)),
  entry('lecun_normal', 'LeCun normal', 'Normal truncated at 2σ with std √(1/fan_in): the one SELU expects.', (shape, c) =>
    truncatedNormalValues(sizeOf(shape), Math.sqrt(1 / fan(c.fanIn, 'fanIn')), c.rng)),
  entry('orthogonal', 'Orthogonal', 'A random orthogonal matrix (times gain): keeps vector lengths, good for recurrent weights.', (shape, c, o) =>
    orthogonalValues(shape, finite(o.gain ?? 1, 'gain'), c.rng)),
];

export function listInitializers(): InitializerInfo[] {
  return ENTRIES.map((e) => ({ ...e.info }));
}

export function isInitializer(name: string): boolean {
  return ENTRIES.some((e) => e.info.name === name);
}

/** Starting values for a tensor of `shape`, row-major. Throws on an unknown name, listing the known ones. */
export function initialValues(name: string, shape: readonly number[], ctx: InitContext, options: InitOptions = {}): Float64Array {
  const found = ENTRIES.find((e) => e.info.name === name);
  if (!found) throw new Error(`unknown initializer "${name}" (known: ${ENTRIES.map((e) => e.info.name).join(', ')})`);
  return found.values(shape, ctx, options);
}

function finite(v: number, what: string): number {
  if (!Number.isFinite(v)) throw new Error(`initializer ${what} must be a finite number, got ${v}`);
  return v;
}

function nonNegative(v: number, what: string): number {
  if (!(finite(v, what) >= 0)) throw new Error(`initializer ${what} must be ≥ 0, got ${v}`);
  return v;
}

function fan(v: number, what: string): number {
  if (!(Number.isFinite(v) && v > 0)) throw new Error(`initializer needs ${what} > 0, got ${v}`);
  return v;
}

function fanSum(c: InitContext): number {
  return fan(c.fanIn, 'fanIn') + fan(c.fanOut, 'fanOut');
}
