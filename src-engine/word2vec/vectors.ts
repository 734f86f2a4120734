// Word vectors and what the embedding view shows of them: nearest neighbours by cosine.

export interface WordVectors {
  words: string[];
  dim: number;
  /** Row i is the vector of words[i] (words.length × dim values). */
  vectors: Float32Array;
}

export interface Neighbour {
  word: string;
  similarity: number;
}

/** cos(a, b) = a·b / (|a||b|), in [−1, 1]; 0 when either vector is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export function vectorOf(wv: WordVectors, word: string): Float32Array {
  const row = wv.words.indexOf(word);
  if (row < 0) throw new Error(`"${word}" is not in the vocabulary (${wv.words.length} words)`);
  return wv.vectors.subarray(row * wv.dim, (row + 1) * wv.dim);
}

/** The `k` words most similar to `word` (itself excluded), most similar first. */
export function nearestNeighbours(wv: WordVectors, word: string, k = 10): Neighbour[] {
  return nearestTo(wv, vectorOf(wv, word), k, new Set([word]));
}

/** The `k` words whose vectors are most similar to `target`, skipping `exclude`. */
export function nearestTo(
  wv: WordVectors,
  target: ArrayLike<number>,
  k = 10,
  exclude: ReadonlySet<string> = new Set(),
): Neighbour[] {
  const scored: Neighbour[] = [];
  for (let r = 0; r < wv.words.length; r++) {
    if (exclude.has(wv.words[r])) continue;
    scored.push({ word: wv.words[r], similarity: cosine(target, wv.vectors.subarray(r * wv.dim, (r + 1) * wv.dim)) });
  }
  return scored.sort((a, b) => b.similarity - a.similarity).slice(0, k);
}

/** "a is to b as c is to ?": the words nearest to b − a + c (king − man + woman ≈ queen). */
export function analogy(wv: WordVectors, a: string, b: string, c: string, k = 5): Neighbour[] {
  const [va, vb, vc] = [a, b, c].map((w) => unit(vectorOf(wv, w)));
  const target = va.map((_, i) => vb[i] - va[i] + vc[i]);
  return nearestTo(wv, target, k, new Set([a, b, c]));
}

function unit(v: Float32Array): number[] {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return Array.from(v, (x) => x / n);
}
