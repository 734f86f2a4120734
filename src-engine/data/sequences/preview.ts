// What the UI can show of a sequence dataset instead of a table with one column per step:
// token windows as text ("emm → a"), word pairs by name, numeric sequences as series.
import type { Dataset } from '../types';

export type SequencePreview =
  | { kind: 'tokens'; rows: Array<{ context: string; next: string }> }
  | { kind: 'pairs'; rows: Array<{ centre: string; other: string; label: string }>; vocabulary: string[] }
  | { kind: 'series'; features: number; rows: Array<{ steps: number[][]; target: number }> };

type WithVocabulary = Dataset & { vocabulary?: string[] };

/** A preview of the first `max` samples, or null when the dataset is not a sequence dataset. */
export function sequencePreview(ds: WithVocabulary, max = 10): SequencePreview | null {
  const count = Math.min(ds.count, max);
  const [steps, features] = ds.inputShape;
  const vocab = ds.vocabulary;
  if (vocab && ds.inputShape.length === 1 && sameList(ds.classNames, vocab)) {
    // Character windows: boundary padding before the start is left out of the context.
    const rows = Array.from({ length: count }, (_, r) => ({
      context: Array.from(ds.x.subarray(r * steps, (r + 1) * steps), (id) => vocab[id]).join('').replace(/^\.+/, ''),
      next: vocab[ds.y[r]],
    }));
    return { kind: 'tokens', rows };
  }
  if (vocab && ds.inputShape.length === 1 && steps === 2) {
    const rows = Array.from({ length: count }, (_, r) => ({ centre: vocab[ds.x[2 * r]], other: vocab[ds.x[2 * r + 1]], label: ds.classNames?.[ds.y[r]] ?? String(ds.y[r]) }));
    // The whole vocabulary, so a view of trained word vectors can name every row of the table.
    return { kind: 'pairs', rows, vocabulary: [...vocab] };
  }
  if (ds.inputShape.length === 2 && ds.task === 'regression') {
    const size = steps * features;
    const rows = Array.from({ length: count }, (_, r) => ({
      steps: Array.from({ length: steps }, (_, t) => Array.from(ds.x.subarray(r * size + t * features, r * size + (t + 1) * features))),
      target: ds.y[r],
    }));
    return { kind: 'series', features, rows };
  }
  return null;
}

/** Value equality (a dataset sent between processes is a copy). */
function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}
