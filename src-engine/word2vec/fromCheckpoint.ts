// Word vectors from a run's stored weights (no model needed): an Embedding node's table, found by
// its tensor name `<nodeId>.embeddings`, row i labelled vocabulary[i].
import type { WordVectors } from './vectors';

export interface NamedTensor {
  name: string;
  shape: readonly number[];
  data: ArrayLike<number>;
}

export function checkpointVectors(tensors: readonly NamedTensor[], nodeId: string, vocabulary: readonly string[]): WordVectors {
  const table = tensors.find((t) => t.name === `${nodeId}.embeddings`);
  if (!table) throw new Error(`the run's weights have no embedding table for node "${nodeId}"`);
  if (table.shape.length !== 2)
    throw new Error(`the table of "${nodeId}" has shape [${table.shape.join(', ')}], not [words, dimension]`);
  const [rows, dim] = table.shape as [number, number];
  if (vocabulary.length > rows)
    throw new Error(`the vocabulary has ${vocabulary.length} words but Embedding "${nodeId}" has only ${rows} rows`);
  const vectors = Float32Array.from({ length: vocabulary.length * dim }, (_, i) => table.data[i]);
  return { words: [...vocabulary], dim, vectors };
}
