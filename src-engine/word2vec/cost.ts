// What one training prediction costs under each objective, counted in output rows touched and
// multiply-adds, so the docs can state O(V·d) vs O(log V·d) vs O((k+1)·d) with numbers.
import { buildHuffman } from './huffman';

export type Word2VecObjective = 'negative' | 'hierarchical' | 'full';

export interface PairCost {
  /** Output rows (d values each) read and updated per prediction. */
  rows: number;
  /** Per row: d for the score h·w′, d for the gradient into h, d for the update of w′. */
  multiplyAdds: number;
}

/**
 * Mean Huffman code length weighted by word frequency: the expected number of binary decisions
 * (output rows) hierarchical softmax makes per prediction, about log₂ V.
 */
export function meanCodeLength(counts: readonly number[]): number {
  const { codes } = buildHuffman(counts);
  const total = counts.reduce((s, c) => s + c, 0);
  return total > 0 ? codes.reduce((s, code, w) => s + code.length * counts[w], 0) / total : 0;
}

/** Cost of one prediction over a vocabulary with these word `counts`, vectors of length `dim`. */
export function costPerPair(objective: Word2VecObjective, counts: readonly number[], dim: number, negatives = 5): PairCost {
  const rows = objective === 'full' ? counts.length : objective === 'hierarchical' ? meanCodeLength(counts) : negatives + 1;
  return { rows, multiplyAdds: 3 * dim * rows };
}
