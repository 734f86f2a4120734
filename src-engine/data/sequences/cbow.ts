// Continuous bag of words (CBOW) from a corpus, with negative sampling: each sample is the `window`
// words before a centre word, the `window` words after it, then a candidate word; the label is 1
// when the candidate is the true centre, 0 when it is one of `negatives` noise words drawn per true
// sample. A graph averages the context words' vectors and scores the candidate with a dot product.
// Only centres with a full window on both sides are used (a fixed input shape; no padding id whose
// vector would blur the average). Frequent centre words are subsampled as in word2vec.
import { createRandom } from '../random';
import { DatasetError } from '../errors';
import { makeDataset } from '../make-dataset';
import { checkSamples, DEFAULT_SEQUENCE_SEED } from './common';
import { keepProbabilities, NoiseSampler } from './noise';
import type { Corpus } from './corpus';
import type { SkipgramDataset, SkipgramOptions } from './skipgram';

export const CBOW_DEFAULTS = { samples: 30000, window: 2, negatives: 4, subsample: 1e-3 } as const;

export interface CbowDataset extends SkipgramDataset {
  /** Words on each side of the centre; a sample holds 2 · contextWindow context ids, then the candidate. */
  contextWindow: number;
}

/** The same settings as skip-gram's: `window` words on each side, `negatives` noise words per true sample. */
export type CbowOptions = SkipgramOptions;

export function cbowDescription(corpusName: string, window: number, negatives: number): string {
  return (
    `Context windows from "${corpusName}": the ${window} words before and after a centre word, then a candidate word; ` +
    `1 when the candidate is the centre, 0 when it is one of ${negatives} noise words drawn per true sample. ` +
    "Average the context words' Embedding vectors and score the candidate with a Dot to learn word vectors (CBOW)."
  );
}

/** Column names of a sample: "−2 … −1, +1 … +2, candidate". */
export function cbowFeatureNames(window: number): string[] {
  const before = Array.from({ length: window }, (_, i) => `−${window - i}`);
  const after = Array.from({ length: window }, (_, i) => `+${i + 1}`);
  return [...before, ...after, 'candidate'];
}

export function buildCbowDataset(corpus: Corpus, options: CbowOptions = {}): CbowDataset {
  const id = options.id ?? 'cbow';
  const samples = checkSamples(id, options.samples ?? CBOW_DEFAULTS.samples);
  const window = options.window ?? CBOW_DEFAULTS.window;
  const negatives = options.negatives ?? CBOW_DEFAULTS.negatives;
  if (!Number.isInteger(window) || window < 1 || window > 10)
    throw new DatasetError(`window must be a whole number from 1 to 10, got ${window}`, { file: id });
  if (!Number.isInteger(negatives) || negatives < 1 || negatives > 50)
    throw new DatasetError(`negatives must be a whole number from 1 to 50, got ${negatives}`, { file: id });
  const span = 2 * window + 1;
  const usable = corpus.sentences.filter((s) => s.length >= span);
  if (usable.length === 0) {
    throw new DatasetError(
      `has no sentence of ${span} or more words, so no centre word has ${window} words on each side; use a smaller window or a longer text`,
      { file: id },
    );
  }
  const random = createRandom(options.seed ?? DEFAULT_SEQUENCE_SEED);
  const counts = corpus.vocabulary.counts;
  const noise = new NoiseSampler(counts);
  const keep = keepProbabilities(counts, options.subsample ?? CBOW_DEFAULTS.subsample);
  const width = 2 * window + 1;
  const x = new Float32Array(samples * width);
  const y = new Float32Array(samples);
  let row = 0;
  const put = (sentence: Int32Array, at: number, candidate: number, label: number) => {
    const base = row * width;
    for (let k = 0; k < window; k++) {
      x[base + k] = sentence[at - window + k];
      x[base + window + k] = sentence[at + 1 + k];
    }
    x[base + 2 * window] = candidate;
    y[row++] = label;
  };
  let attempts = 0;
  while (row < samples) {
    if (++attempts > samples * 1000)
      throw new DatasetError('could not find enough context windows; use a longer text or a lower minimum count', { file: id });
    const sentence = usable[random.int(usable.length)];
    const at = window + random.int(sentence.length - 2 * window);
    const centre = sentence[at];
    if (random.next() >= keep[centre]) continue;
    put(sentence, at, centre, 1);
    for (let k = 0; k < negatives && row < samples; k++) {
      let fake = noise.draw(random.next());
      while (fake === centre && counts.length > 1) fake = noise.draw(random.next());
      put(sentence, at, fake, 0);
    }
  }
  const dataset = makeDataset({
    id,
    name: `CBOW context windows (${corpus.name})`,
    description: cbowDescription(corpus.name, window, negatives),
    task: 'classification',
    inputShape: [width],
    targetShape: [1],
    classNames: ['noise', 'centre'],
    featureNames: cbowFeatureNames(window),
    targetName: 'is centre',
    x,
    y,
    count: samples,
  });
  return { ...dataset, vocabulary: corpus.vocabulary.tokens, contextWindow: window };
}
