// Settings and shape rules shared by the recurrent layers (SimpleRNN, LSTM, GRU).
import { ShapeError } from '../types';
import { formatShape } from '../../core/shape';
import type { ParamSpec, ParamValues } from '../../core/params';

export const unitsParam: ParamSpec = {
  kind: 'int',
  name: 'units',
  label: 'Units',
  description: 'Size of the hidden state h (the memory carried from step to step).',
  default: 32,
  min: 1,
  max: 4096,
};

export const returnSequencesParam: ParamSpec = {
  kind: 'bool',
  name: 'returnSequences',
  label: 'Return sequences',
  description:
    'On: output h at every step [steps, units] (to stack recurrent layers). Off: only the last h [units] (to feed Dense).',
  default: false,
};

export const initialStateParam: ParamSpec = {
  kind: 'enum',
  name: 'initialState',
  label: 'Initial state',
  description: '"zeros" starts every sequence from h₀ = 0; "learned" trains the starting state like any weight.',
  options: ['zeros', 'learned'],
  default: 'zeros',
};

export const kernelInitializerParam: ParamSpec = {
  kind: 'initializer',
  name: 'initializer',
  label: 'Input weight initializer',
  description: 'How the input weights (x → gates) start; "default" uses the graph-wide initializer.',
  default: 'default',
};

export const recurrentInitializerParam: ParamSpec = {
  kind: 'initializer',
  name: 'recurrentInitializer',
  label: 'Recurrent weight initializer',
  description: "How the recurrent weights (h → gates) start; orthogonal keeps the state's length through many steps.",
  default: 'orthogonal',
};

export const recurrentBiasParam: ParamSpec = {
  kind: 'bool',
  name: 'useBias',
  label: 'Use bias',
  description: 'Adds a learnable offset to every gate (starts at zero).',
  default: true,
};

/** Steps and features of a recurrent layer's input, or a ShapeError saying how to get there. */
export function sequenceInput(input: number[]): { steps: number; features: number } {
  if (input.length === 2) return { steps: input[0], features: input[1] };
  if (input.length === 1) {
    throw new ShapeError(
      `needs a sequence [steps, features] but receives ${formatShape(input)}: ` +
        'if it comes from another recurrent layer, set returnSequences to true there; ' +
        `for token ids add an Embedding first; for one value per step add a Reshape to [${input[0]}, 1]`,
    );
  }
  if (input.length === 3) {
    throw new ShapeError(
      `needs a sequence [steps, features] but receives ${formatShape(input)} (an image): ` +
        `add a Reshape to [${input[0]}, ${input[1] * input[2]}] to read it row by row`,
    );
  }
  throw new ShapeError(`needs a sequence [steps, features] but receives ${formatShape(input)}`);
}

/** [steps, units] with returnSequences, else [units]. */
export function recurrentOutputShape([input]: number[][], p: ParamValues): number[] {
  const { steps } = sequenceInput(input);
  const units = p.units as number;
  return p.returnSequences ? [steps, units] : [units];
}
