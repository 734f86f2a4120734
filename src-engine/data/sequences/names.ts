// Character-level first names for next-character prediction: each sample is the previous
// `window` characters (token ids, "." before the name starts) and the target the next character,
// "." when the name ends. Sampling character by character from a trained model invents names.
import { createRandom, shuffleInPlace } from '../random';
import { DatasetError } from '../errors';
import { makeDataset } from '../make-dataset';
import { checkSamples, DEFAULT_SEQUENCE_SEED } from './common';
import type { Dataset } from '../types';

export const NAMES_DEFAULTS = { window: 8 } as const;
/** Token 0 marks both "before the name" (padding) and "end of name". */
export const BOUNDARY = '.';

export const NAMES_DESCRIPTION =
  'English first names, character by character: from the previous `window` characters (default 8; "." before the start) ' +
  'predict the next one ("." ends the name). Train a char-LSTM, then sample new names.';

export interface NamesDataset extends Dataset {
  /** Token of each id (id 0 is the boundary "."); the same as classNames. */
  vocabulary: string[];
  window: number;
}

export interface NamesOptions {
  window?: number;
  /** Cap on the number of samples (characters to predict); names are taken in a seeded random order. */
  samples?: number;
  seed?: number;
  id?: string;
  name?: string;
}

/** Lower-case, trimmed, de-duplicated names from one-per-line texts. */
export function cleanNames(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const line of text.split(/\r?\n/)) {
      const name = line.trim().toLowerCase();
      if (name && !name.includes(BOUNDARY) && !/\s/.test(name)) seen.add(name);
    }
  }
  return [...seen].sort();
}

export function buildNamesDataset(names: readonly string[], options: NamesOptions = {}): NamesDataset {
  const id = options.id ?? 'names';
  const window = options.window ?? NAMES_DEFAULTS.window;
  if (!Number.isInteger(window) || window < 1 || window > 64)
    throw new DatasetError(`window must be a whole number from 1 to 64, got ${window}`, { file: id });
  if (names.length === 0) throw new DatasetError('has no names (expected one name per line)', { file: id });
  const chars = [...new Set(names.join(''))].sort();
  const vocabulary = [BOUNDARY, ...chars];
  const idOf = new Map(vocabulary.map((c, i) => [c, i]));
  const total = names.reduce((n, name) => n + name.length + 1, 0);
  const samples = options.samples === undefined ? total : Math.min(total, checkSamples(id, options.samples, 1));
  const order = shuffleInPlace([...names], createRandom(options.seed ?? DEFAULT_SEQUENCE_SEED));
  const x = new Float32Array(samples * window);
  const y = new Float32Array(samples);
  let row = 0;
  for (const name of order) {
    const ids = [...new Array<number>(window).fill(0), ...[...name].map((c) => idOf.get(c)!), 0];
    for (let p = 0; p + window < ids.length && row < samples; p++, row++) {
      for (let t = 0; t < window; t++) x[row * window + t] = ids[p + t];
      y[row] = ids[p + window];
    }
    if (row === samples) break;
  }
  const dataset = makeDataset({
    id,
    name: options.name ?? 'First names (characters)',
    description: NAMES_DESCRIPTION,
    task: 'classification',
    inputShape: [window],
    targetShape: [1],
    classNames: vocabulary,
    targetName: 'next char',
    x,
    y,
    count: samples,
  });
  return { ...dataset, vocabulary, window };
}

/**
 * Cross-entropy (nats) of the best model that ignores the context: predicting every character
 * with its overall frequency. A sequence model has learned something when it is well below.
 */
export function unigramCrossEntropy(labels: ArrayLike<number>, classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / labels.length) * Math.log(c / labels.length);
  return h;
}
