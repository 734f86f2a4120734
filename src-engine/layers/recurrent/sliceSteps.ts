// SliceSteps: keeps a run of consecutive steps of a sequence, e.g. the last step (start −1) or
// one token of a pair (the word2vec template picks the centre and the context word this way).
import { registerLayer } from '../registry';
import { ShapeError } from '../types';
import { slice } from '../../ops';
import { formatShape } from '../../core/shape';
import type { ParamValues } from '../../core/params';

function range(input: number[], p: ParamValues): { start: number; length: number } {
  if (input.length < 1) throw new ShapeError(`needs a sequence but receives ${formatShape(input)}`);
  const steps = input[0];
  const given = p.start as number;
  const start = given < 0 ? steps + given : given;
  const length = p.length as number;
  if (start < 0 || start + length > steps) {
    throw new ShapeError(
      `takes steps ${given} to ${given + length - 1}, but the sequence has ${steps} steps (0 to ${steps - 1}; −1 is the last)`,
    );
  }
  return { start, length };
}

registerLayer({
  type: 'SliceSteps',
  category: 'Recurrent',
  description: 'Keeps `length` consecutive steps of a sequence from `start` (−1 = the last step): [steps, …] → [length, …].',
  params: [
    {
      kind: 'int',
      name: 'start',
      label: 'Start',
      description: 'First step kept; negative counts from the end (−1 is the last).',
      default: 0,
      min: -100000,
      max: 100000,
    },
    { kind: 'int', name: 'length', label: 'Length', description: 'Number of steps kept.', default: 1, min: 1, max: 100000 },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], p) => [range(input, p).length, ...input.slice(1)],
  build: ([input], p) => {
    const { start, length } = range(input, p);
    return {
      params: [],
      forward: ([x]) => slice(x, [0, start, ...input.slice(1).map(() => 0)], [x.shape[0], length, ...input.slice(1)]),
    };
  },
  gradCheck: [
    { inputShapes: [[5, 3]], params: { start: 1, length: 2 } },
    { inputShapes: [[4]], params: { start: -1 } },
  ],
});
