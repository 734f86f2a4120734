// The weights of a gated recurrent layer: fused input and recurrent kernels ([in, gates·units]
// and [units, gates·units]) whose gate blocks are initialized one by one, and the bias.
import { parameter, type Tensor } from '../../core/tensor';
import { broadcastTo } from '../../ops';
import { initialValues } from '../../init';
import { weight } from '../weights';
import type { LayerBuildContext } from '../types';
import type { ParamValues } from '../../core/params';

export interface RecurrentWeights {
  kernel: Tensor;
  recurrentKernel: Tensor;
  bias: Tensor | null;
  /** Learned starting states (initialState "learned"), one per state name. */
  initial: Tensor[];
  all: Tensor[];
}

/**
 * Each [units, units] gate block of the recurrent kernel is drawn separately, so an orthogonal
 * start makes every gate's recurrent map orthogonal (one orthogonal [units, 4·units] matrix
 * would shrink each block's singular values to about ½).
 */
function recurrentKernel(ctx: LayerBuildContext, units: number, gates: number, initializer: string): Tensor {
  const useDefault = !initializer || initializer === 'default';
  const name = useDefault ? ctx.defaultInitializer : initializer;
  const width = gates * units;
  const values = new Float64Array(units * width);
  for (let g = 0; g < gates; g++) {
    const block = initialValues(
      name,
      [units, units],
      { fanIn: units, fanOut: units, rng: ctx.rng.fork(`recurrentKernel.${g}`) },
      useDefault ? ctx.initializerOptions : undefined,
    );
    for (let r = 0; r < units; r++) {
      for (let c = 0; c < units; c++) values[r * width + g * units + c] = block[r * units + c];
    }
  }
  return parameter(values, [units, width], `${ctx.name}.recurrentKernel`);
}

export function recurrentWeights(
  ctx: LayerBuildContext,
  p: ParamValues,
  features: number,
  gates: number,
  stateNames: readonly string[],
  biasStart: (index: number) => number = () => 0,
): RecurrentWeights {
  const units = p.units as number;
  const kernel = weight(ctx, 'kernel', [features, gates * units], p.initializer as string);
  const recurrent = recurrentKernel(ctx, units, gates, p.recurrentInitializer as string);
  const bias = p.useBias
    ? parameter(
        Float64Array.from({ length: gates * units }, (_, i) => biasStart(i)),
        [gates * units],
        `${ctx.name}.bias`,
      )
    : null;
  const initial =
    p.initialState === 'learned'
      ? stateNames.map((s) => parameter(new Float64Array(units), [units], `${ctx.name}.initial${capitalize(s)}`))
      : [];
  return { kernel, recurrentKernel: recurrent, bias, initial, all: [kernel, recurrent, ...(bias ? [bias] : []), ...initial] };
}

/** Starting states for a batch of n: the learned ones broadcast, or null (zeros). */
export function startStates(w: RecurrentWeights, n: number, count: number): Array<Tensor | null> {
  if (w.initial.length === 0) return new Array<Tensor | null>(count).fill(null);
  return w.initial.map((s) => broadcastTo(s, [n, s.shape[0]]));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
