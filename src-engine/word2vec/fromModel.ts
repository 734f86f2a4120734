// Word vectors from a trained graph (the skip-gram and CBOW templates): an Embedding node's table.
import type { Model } from '../graph/model';
import type { WordVectors } from './vectors';

/** The table of Embedding node `nodeId`, row i labelled vocabulary[i]. */
export function embeddingVectors(model: Model, nodeId: string, vocabulary: readonly string[]): WordVectors {
  const node = model.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`there is no node "${nodeId}" in the model`);
  if (node.type !== 'Embedding') throw new Error(`node "${nodeId}" is a ${node.type}, not an Embedding`);
  const table = node.instance.params[0];
  const [rows, dim] = table.shape;
  if (vocabulary.length > rows)
    throw new Error(`the vocabulary has ${vocabulary.length} words but Embedding "${nodeId}" has only ${rows} rows`);
  const vectors = Float32Array.from(table.dataSync().subarray(0, vocabulary.length * dim));
  return { words: [...vocabulary], dim, vectors };
}
