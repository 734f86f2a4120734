// The Huffman tree of hierarchical softmax (Mikolov et al. 2013): frequent words get short
// codes, and predicting a word becomes a chain of binary decisions along its path from the root,
// about log₂(vocabulary) of them instead of one score per word.

export interface HuffmanCodes {
  /** Per word: the 0/1 decisions from the root to the word. */
  codes: Uint8Array[];
  /** Per word: the inner nodes on that path (rows of the output table, 0 … vocabulary − 2). */
  points: Int32Array[];
}

export function buildHuffman(counts: readonly number[]): HuffmanCodes {
  const v = counts.length;
  if (v < 2) return { codes: [new Uint8Array(0)], points: [new Int32Array(0)] };
  // Leaves are 0 … v−1, inner nodes v … 2v−2; two queues (leaves sorted by count, inner nodes in creation order).
  const weight = new Float64Array(2 * v - 1);
  const parent = new Int32Array(2 * v - 1);
  const bit = new Uint8Array(2 * v - 1);
  const leaves = Array.from(counts.keys()).sort((a, b) => counts[a] - counts[b] || a - b);
  leaves.forEach((leaf) => (weight[leaf] = counts[leaf]));
  let li = 0;
  let ni = v;
  let next = v;
  const pop = (): number => {
    if (li < leaves.length && (ni >= next || weight[leaves[li]] <= weight[ni])) return leaves[li++];
    return ni++;
  };
  for (; next < 2 * v - 1; next++) {
    const a = pop();
    const b = pop();
    weight[next] = weight[a] + weight[b];
    parent[a] = next;
    parent[b] = next;
    bit[b] = 1;
  }
  const root = 2 * v - 2;
  const codes: Uint8Array[] = [];
  const points: Int32Array[] = [];
  for (let w = 0; w < v; w++) {
    const code: number[] = [];
    const path: number[] = [];
    for (let node = w; node !== root; node = parent[node]) {
      code.push(bit[node]);
      path.push(parent[node] - v);
    }
    codes.push(Uint8Array.from(code.reverse()));
    points.push(Int32Array.from(path.reverse()));
  }
  return { codes, points };
}
