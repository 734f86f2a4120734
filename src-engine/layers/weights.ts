// Creating a layer's parameters from its initializer setting.
import { parameter, type Tensor } from '../core/tensor';
import { fansOf, initialValues, listInitializers, type InitOptions } from '../init';
import type { LayerBuildContext } from './types';
import type { ParamSpec } from '../core/params';

/**
 * `own`: the layer's own initializer settings (its `initStd`, `initGain`, …), used with its own
 * initializer; with "default", the graph-wide initializer and its settings apply.
 */
export function weight(
  ctx: LayerBuildContext,
  label: string,
  shape: number[],
  initializer: string | undefined,
  own?: InitOptions,
): Tensor {
  const useDefault = !initializer || initializer === 'default';
  const name = useDefault ? ctx.defaultInitializer : initializer;
  const { fanIn, fanOut } = fansOf(shape);
  // Each parameter draws from its own stream, so adding a bias never shifts the kernel's values.
  const values = initialValues(
    name,
    shape,
    { fanIn, fanOut, rng: ctx.rng.fork(label) },
    useDefault ? ctx.initializerOptions : own,
  );
  return parameter(values, shape, `${ctx.name}.${label}`);
}

export function constantParam(ctx: LayerBuildContext, label: string, shape: number[], value: number): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return parameter(new Float64Array(size).fill(value), shape, `${ctx.name}.${label}`);
}

export const initializerParam: ParamSpec = {
  kind: 'initializer',
  name: 'initializer',
  label: 'Weight initializer',
  description: 'How the weights start; "default" uses the graph-wide initializer.',
  default: 'default',
};

export const biasParam: ParamSpec = {
  kind: 'bool',
  name: 'useBias',
  label: 'Use bias',
  description: 'Adds a learnable offset to every output unit (starting at the bias init value, 0 unless set).',
  default: true,
};

export const biasInitParam: ParamSpec = {
  kind: 'number',
  name: 'biasInit',
  label: 'Bias init',
  description:
    'The value every bias starts at. 0 is usual; a small positive value (0.01–0.1) starts ReLU units active, so fewer begin dead.',
  default: 0,
  min: -10,
  max: 10,
};

/** `std` → `initStd`: an initializer setting as a layer's own. */
const ownName = (setting: string): string => `init${setting[0].toUpperCase()}${setting.slice(1)}`;

/**
 * The settings of the initializers that take one (std of normal, limit of uniform, value of
 * constant, gain of orthogonal), as settings of a layer's own initializer: read from the init
 * registry, so a new initializer setting appears in every layer's inspector without a list here.
 */
export function initializerOptionParams(): ParamSpec[] {
  const byName = new Map<string, { spec: ParamSpec; users: string[] }>();
  for (const init of listInitializers())
    for (const spec of init.params) {
      const entry = byName.get(spec.name) ?? { spec, users: [] };
      entry.users.push(init.name);
      byName.set(spec.name, entry);
    }
  return [...byName.values()].map(({ spec, users }) => ({
    ...spec,
    name: ownName(spec.name),
    label: `${spec.label} (${users.join(', ')})`,
    description: `${spec.description} For this layer's own ${users.join('/')} initializer.`,
    optional: true,
    appliesWhen: { param: 'initializer', values: users },
  }));
}

/** The layer's own initializer settings from its params (`initStd` → std, …). */
export function ownInitOptions(p: Record<string, unknown>): InitOptions {
  const out: Record<string, number> = {};
  for (const init of listInitializers())
    for (const spec of init.params) {
      const v = p[ownName(spec.name)];
      if (typeof v === 'number') out[spec.name] = v;
    }
  return out as InitOptions;
}
