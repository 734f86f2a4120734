// What the UI can show of a sequence dataset instead of a table with one column per step:
// token windows as text ("emm → a"), word pairs and CBOW context windows by name, numeric sequences
// as series. Sent beside the generic preview, so views that know only tables still work.
import type { Dataset, DatasetPreview } from '../types';

export type SequencePreview =
  | { kind: 'tokens'; rows: Array<{ context: string; next: string }> }
  | { kind: 'pairs'; rows: Array<{ centre: string; other: string; label: string }>; vocabulary: string[] }
  | {
      kind: 'contexts';
      window: number;
      rows: Array<{ before: string[]; after: string[]; candidate: string; label: string }>;
      vocabulary: string[];
    }
  | { kind: 'series'; features: number; rows: Array<{ steps: number[][]; target: number }> };

/** The generic preview (points, images or a table) with the sequence preview, when there is one. */
export type PreviewWithSequence = DatasetPreview & { sequence?: SequencePreview };

type WithVocabulary = Dataset & { vocabulary?: string[]; contextWindow?: number };

export function withSequencePreview(generic: DatasetPreview, ds: WithVocabulary, max?: number): PreviewWithSequence {
  const sequence = sequencePreview(ds, max);
  return sequence ? { ...generic, sequence } : generic;
}

/** A preview of the first `max` samples, or null when the dataset is not a sequence dataset. */
export function sequencePreview(ds: WithVocabulary, max = 10): SequencePreview | null {
  const count = Math.min(ds.count, max);
  const [steps, features] = ds.inputShape;
  const vocab = ds.vocabulary;
  if (vocab && ds.inputShape.length === 1 && sameList(ds.classNames, vocab)) {
    // Character windows: boundary padding before the start is left out of the context.
    const rows = Array.from({ length: count }, (_, r) => ({
      context: Array.from(ds.x.subarray(r * steps, (r + 1) * steps), (id) => vocab[id])
        .join('')
        .replace(/^\.+/, ''),
      next: vocab[ds.y[r]],
    }));
    return { kind: 'tokens', rows };
  }
  const window = ds.contextWindow;
  if (vocab && window !== undefined && ds.inputShape.length === 1 && steps === 2 * window + 1) {
    const rows = Array.from({ length: count }, (_, r) => {
      const words = Array.from(ds.x.subarray(r * steps, (r + 1) * steps), (id) => vocab[id] ?? `#${id}`);
      return {
        before: words.slice(0, window),
        after: words.slice(window, 2 * window),
        candidate: words[2 * window]!,
        label: ds.classNames?.[ds.y[r]] ?? String(ds.y[r]),
      };
    });
    return { kind: 'contexts', window, rows, vocabulary: [...vocab] };
  }
  if (vocab && ds.inputShape.length === 1 && steps === 2) {
    const rows = Array.from({ length: count }, (_, r) => ({
      centre: vocab[ds.x[2 * r]],
      other: vocab[ds.x[2 * r + 1]],
      label: ds.classNames?.[ds.y[r]] ?? String(ds.y[r]),
    }));
    // The whole vocabulary, so a view of trained word vectors can name every row of the table.
    return { kind: 'pairs', rows, vocabulary: [...vocab] };
  }
  if (ds.inputShape.length === 2 && ds.task === 'regression') {
    const size = steps * features;
    const rows = Array.from({ length: count }, (_, r) => ({
      steps: Array.from({ length: steps }, (_, t) =>
        Array.from(ds.x.subarray(r * size + t * features, r * size + (t + 1) * features)),
      ),
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
