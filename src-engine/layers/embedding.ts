// Embedding: a learned table of vectors, one row per token id; [steps] ids → [steps, dim].
// Training moves only the rows of the ids seen in a batch (the gradient scatter-adds into them).
import { registerLayer } from './registry';
import { ShapeError } from './types';
import { gather } from '../ops';
import { formatShape } from '../core/shape';
import { weight } from './weights';
import type { Tensor } from '../core/tensor';

registerLayer({
  type: 'Embedding',
  category: 'Recurrent',
  description:
    'Looks up a learned vector for each token id: [steps] ids → [steps, dimension]. Similar tokens end up with similar vectors.',
  params: [
    {
      kind: 'int',
      name: 'vocabSize',
      label: 'Vocabulary size',
      description: 'Number of different token ids (ids run from 0 to size − 1).',
      default: 32,
      min: 1,
      max: 1_000_000,
    },
    {
      kind: 'int',
      name: 'dimension',
      label: 'Dimension',
      description: "Length of each token's vector.",
      default: 16,
      min: 1,
      max: 4096,
    },
    {
      kind: 'initializer',
      name: 'initializer',
      label: 'Initializer',
      description: 'How the vectors start; small uniform values (±0.05) by default, as Keras does.',
      default: 'uniform',
    },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], p) => {
    if (input.length !== 1) {
      const hint =
        input.length === 2 ? ' (it looks like a sequence of vectors already: connect it to the recurrent layer directly)' : '';
      throw new ShapeError(`needs token ids [steps] but receives ${formatShape(input)}${hint}`);
    }
    return [input[0], p.dimension as number];
  },
  parameterCount: (_inputs, p) => (p.vocabSize as number) * (p.dimension as number),
  build: (_inputs, p, ctx) => {
    const vocab = p.vocabSize as number;
    const table = weight(ctx, 'embeddings', [vocab, p.dimension as number], p.initializer as string);
    return {
      params: [table],
      forward: ([ids]) => {
        checkIds(ids, vocab);
        return gather(table, ids);
      },
    };
  },
  gradCheck: [
    { inputShapes: [[4]], params: { vocabSize: 6, dimension: 3 }, integerInputs: { max: 6 } },
    { inputShapes: [[12]], params: { vocabSize: 5, dimension: 2, initializer: 'normal' }, integerInputs: { max: 5 } },
  ],
});

/** An id outside the table would read garbage; say which id and how to fix it (host backends only). */
function checkIds(ids: Tensor, vocab: number): void {
  const values = ids.backend.hostView(ids.data);
  if (!values) return;
  for (let i = 0; i < values.length; i++) {
    const id = values[i];
    if (!(Number.isInteger(id) && id >= 0 && id < vocab)) {
      const fix =
        Number.isInteger(id) && id >= vocab
          ? `raise vocabSize to at least ${id + 1}`
          : 'its input must be whole token ids, not feature values';
      throw new Error(`Embedding received token id ${id}, but its vocabulary holds ids 0 to ${vocab - 1}: ${fix}`);
    }
  }
}
