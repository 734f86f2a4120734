// Token vocabularies shared by the character and word datasets: id ↔ token, with counts.

export interface Vocabulary {
  /** Token of each id. */
  tokens: string[];
  /** How often each token occurs in the text it was built from. */
  counts: number[];
  /** Id of a token, or undefined when it is not in the vocabulary. */
  idOf(token: string): number | undefined;
}

export function makeVocabulary(tokens: string[], counts: number[]): Vocabulary {
  const ids = new Map(tokens.map((t, i) => [t, i]));
  return { tokens, counts, idOf: (t) => ids.get(t) };
}

/**
 * The words of a text that occur at least `minCount` times, most frequent first (ties
 * alphabetical, so the ids do not depend on the order of first appearance), at most `maxSize`.
 */
export function buildWordVocabulary(words: readonly string[], minCount = 1, maxSize = Infinity): Vocabulary {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const kept = [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxSize);
  return makeVocabulary(
    kept.map(([w]) => w),
    kept.map(([, n]) => n),
  );
}

/** Lower-case words (letters, with inner apostrophes: "whale's"), in order. */
export function tokenizeWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[a-z]+(?:['’][a-z]+)*/g)
      ?.map((w) => w.replace('’', "'")) ?? []
  );
}

/** Ids of the words that are in the vocabulary (others are dropped, as word2vec does). */
export function encodeWords(words: readonly string[], vocab: Vocabulary): Int32Array {
  const ids: number[] = [];
  for (const w of words) {
    const id = vocab.idOf(w);
    if (id !== undefined) ids.push(id);
  }
  return Int32Array.from(ids);
}
