// The dataset panel's view of a sequence dataset: its samples as text (characters of a name, words
// by name) instead of a table of token ids. Reads the `sequence` part of the preview payload.
import type { SequencePreview } from '../../src-engine';

export interface TextTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

const KINDS = ['tokens', 'pairs', 'contexts', 'series'];

/** The sequence preview a payload carries (checked loosely: it comes from another process), or null. */
export function sequencePreviewOf(payload: unknown): SequencePreview | null {
  const sequence = (payload as { sequence?: unknown } | null | undefined)?.sequence;
  if (!sequence || typeof sequence !== 'object') return null;
  const s = sequence as { kind?: unknown; rows?: unknown };
  return typeof s.kind === 'string' && KINDS.includes(s.kind) && Array.isArray(s.rows) ? (sequence as SequencePreview) : null;
}

/** Rows as text for token and word datasets; null for numeric series (the generic preview shows those). */
export function sequenceTextTable(preview: SequencePreview): TextTable | null {
  switch (preview.kind) {
    case 'tokens':
      return {
        caption: 'Each sample: the characters read so far, and the next one to predict (“.” ends the name).',
        columns: ['Characters so far', 'Next'],
        rows: preview.rows.map((r) => [r.context === '' ? '(start)' : r.context, r.next]),
      };
    case 'pairs':
      return {
        caption: `Each sample: a centre word and another word, labelled “context” when it occurs near the centre, “noise” when drawn at random. ${preview.vocabulary.length} words in the vocabulary.`,
        columns: ['Centre', 'Other', 'Label'],
        rows: preview.rows.map((r) => [r.centre, r.other, r.label]),
      };
    case 'contexts':
      return {
        caption: `Each sample: ${preview.window} words on each side of a hidden centre word (___), and a candidate labelled “centre” when it is the hidden word, “noise” when drawn at random. ${preview.vocabulary.length} words in the vocabulary.`,
        columns: ['Context', 'Candidate', 'Label'],
        rows: preview.rows.map((r) => [[...r.before, '___', ...r.after].join(' '), r.candidate, r.label]),
      };
    case 'series':
      return null;
  }
}
