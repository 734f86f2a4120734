// Word vectors of a trained run for the embedding view: the vocabulary that names the table's rows,
// the typed word looked up, its nearest neighbours and a 2-D PCA picture of the whole table.
import type { GraphDoc } from '../../src-shared/graphFormat';
import { inMemoryWordVocabulary } from '../../src-engine';
import { nearestNeighbours, type Neighbour, type WordVectors } from '../../src-engine';
import { pca2d, type Projection } from '../../src-engine';
import { placeLabels, type LabelArea } from './labelPlacement';

export type { Neighbour, WordVectors, Projection };

/**
 * The words of the run's dataset, most frequent first: from the dataset preview when the back end sends
 * the vocabulary, else rebuilt here for corpora that need no file (the planted one); null when unknown.
 */
export function runVocabulary(graph: GraphDoc, previewPayload?: unknown): string[] | null {
  const sent = sentVocabulary(previewPayload);
  if (sent) return sent;
  const t = graph.training;
  try {
    // The loader seeds generated data with the run's seed unless the graph fixes the dataset's own.
    return inMemoryWordVocabulary(t.dataset, { seed: t.datasetOptions?.seed ?? t.seed })?.tokens ?? null;
  } catch {
    return null;
  }
}

/** The words a preview payload carries: in its sequence preview (word pairs, CBOW windows), or at its top level. */
function sentVocabulary(payload: unknown): string[] | null {
  const p = payload as { vocabulary?: unknown; sequence?: { vocabulary?: unknown } } | null | undefined;
  for (const words of [p?.sequence?.vocabulary, p?.vocabulary]) {
    if (Array.isArray(words) && words.every((w) => typeof w === 'string')) return words as string[];
  }
  return null;
}

/** Row labels when the words are unknown: "#0", "#1", … */
export function idLabels(rows: number): string[] {
  return Array.from({ length: rows }, (_, i) => `#${i}`);
}

export type Lookup = { ok: true; word: string } | { ok: false; message: string };

/** The typed word as the vocabulary spells it (lower case, trimmed), or what is wrong with it. */
export function lookUpWord(wv: WordVectors, typed: string): Lookup {
  const word = typed.trim().toLowerCase();
  if (!word) return { ok: false, message: 'Type a word of the vocabulary, or pick one from the list.' };
  if (wv.words.includes(word)) return { ok: true, word };
  const close = wv.words.filter((w) => w.startsWith(word.slice(0, 2))).slice(0, 5);
  return {
    ok: false,
    message: `“${typed.trim()}” is not in the vocabulary (${wv.words.length} words)${close.length ? `; similar: ${close.join(', ')}` : ''}.`,
  };
}

export function neighboursOf(wv: WordVectors, word: string, k = 10): Neighbour[] {
  return nearestNeighbours(wv, word, k);
}

export function projectWords(wv: WordVectors): Projection {
  return pca2d(wv.vectors, wv.words.length, wv.dim);
}

/** A word to start with: among the most frequent, the one whose nearest neighbour is the closest (a clear cluster). */
export function startingWord(wv: WordVectors, candidates = 20): string {
  let best = wv.words[0] ?? '';
  let bestSimilarity = -Infinity;
  for (const word of wv.words.slice(0, candidates)) {
    const top = nearestNeighbours(wv, word, 1)[0];
    if (top && top.similarity > bestSimilarity) {
      best = word;
      bestSimilarity = top.similarity;
    }
  }
  return best;
}

/** The scatter's plot area (the chart box less its grid margins), for placing labels. */
export const SCATTER_AREA = { width: 520, height: 300 } as const;

/**
 * Words that get a label on the scatter, none covering another: the picked word first, then its
 * neighbours, then the `top` most frequent (the vocabulary's first rows).
 */
export function labelledWords(
  words: readonly string[],
  top: number,
  picked: string | null,
  neighbours: readonly Neighbour[],
  projection?: Projection,
  area: LabelArea = SCATTER_AREA,
): Set<string> {
  const candidates = [...(picked ? [picked] : []), ...neighbours.map((n) => n.word), ...words.slice(0, top)];
  if (!projection) return new Set(candidates);
  const index = new Map(words.map((w, i) => [w, i]));
  const xs = projection.points.map((p) => p[0]);
  const ys = projection.points.map((p) => p[1]);
  return placeLabels(
    candidates,
    (w) => {
      const i = index.get(w);
      return i === undefined ? undefined : (projection.points[i] as [number, number] | undefined);
    },
    { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] },
    area,
  );
}
