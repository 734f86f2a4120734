// Creating a layer's parameters from its initializer setting.
import { parameter, type Tensor } from '../core/tensor';
import { fansOf, initialValues } from '../init';
import type { LayerBuildContext } from './types';
import type { ParamSpec } from '../core/params';

export function weight(ctx: LayerBuildContext, label: string, shape: number[], initializer: string | undefined): Tensor {
  const useDefault = !initializer || initializer === 'default';
  const name = useDefault ? ctx.defaultInitializer : initializer;
  const { fanIn, fanOut } = fansOf(shape);
  // Each parameter draws from its own stream, so adding a bias never shifts the kernel's values.
  const values = initialValues(
    name,
    shape,
    { fanIn, fanOut, rng: ctx.rng.fork(label) },
    useDefault ? ctx.initializerOptions : undefined,
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
  description: 'Adds a learnable offset to every output unit (starts at zero).',
  default: true,
};
