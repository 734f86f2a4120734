// Skip-gram with negative sampling as an ordinary binary classification dataset, so the normal
// trainer can learn word vectors: each sample is a pair [centre word, other word] labelled 1
// when the other word really occurs near the centre ("context") and 0 when it was drawn from
// the noise distribution. Each true pair is followed by `negatives` noise pairs of its centre.
import { createRandom } from '../random';
import { DatasetError } from '../errors';
import { makeDataset } from '../make-dataset';
import { checkSamples, DEFAULT_SEQUENCE_SEED } from './common';
import { keepProbabilities, NoiseSampler } from './noise';
import type { Corpus } from './corpus';
import type { Dataset } from '../types';

export const SKIPGRAM_DEFAULTS = { samples: 30000, window: 2, negatives: 4, subsample: 1e-3 } as const;

export interface SkipgramDataset extends Dataset {
  /** Word of each id: the rows of the trained Embedding tables. */
  vocabulary: string[];
}

export interface SkipgramOptions {
  samples?: number;
  window?: number;
  negatives?: number;
  /** Frequent-word subsampling threshold (0 keeps every word). */
  subsample?: number;
  seed?: number;
  id?: string;
}

export function skipgramDescription(corpusName: string, window: number, negatives: number): string {
  return (
    `Word pairs from "${corpusName}": [centre, other] is 1 when "other" occurs within ${window} words of the centre, ` +
    `0 when it is one of ${negatives} noise words drawn per true pair. Train two Embeddings and a Dot on it to learn word vectors.`
  );
}

export function buildSkipgramDataset(corpus: Corpus, options: SkipgramOptions = {}): SkipgramDataset {
  const id = options.id ?? 'skipgram';
  const samples = checkSamples(id, options.samples ?? SKIPGRAM_DEFAULTS.samples);
  const window = options.window ?? SKIPGRAM_DEFAULTS.window;
  const negatives = options.negatives ?? SKIPGRAM_DEFAULTS.negatives;
  if (!Number.isInteger(window) || window < 1 || window > 20)
    throw new DatasetError(`window must be a whole number from 1 to 20, got ${window}`, { file: id });
  if (!Number.isInteger(negatives) || negatives < 1 || negatives > 50)
    throw new DatasetError(`negatives must be a whole number from 1 to 50, got ${negatives}`, { file: id });
  const random = createRandom(options.seed ?? DEFAULT_SEQUENCE_SEED);
  const counts = corpus.vocabulary.counts;
  const noise = new NoiseSampler(counts);
  const keep = keepProbabilities(counts, options.subsample ?? SKIPGRAM_DEFAULTS.subsample);
  const x = new Float32Array(samples * 2);
  const y = new Float32Array(samples);
  let row = 0;
  const put = (centre: number, other: number, label: number) => {
    x[row * 2] = centre;
    x[row * 2 + 1] = other;
    y[row++] = label;
  };
  let attempts = 0;
  while (row < samples) {
    if (++attempts > samples * 1000)
      throw new DatasetError('could not find enough word pairs; use a longer text or a lower minimum count', { file: id });
    const sentence = corpus.sentences[random.int(corpus.sentences.length)];
    const at = random.int(sentence.length);
    const offset = 1 + random.int(window);
    const other = random.next() < 0.5 ? at - offset : at + offset;
    if (other < 0 || other >= sentence.length) continue;
    const centre = sentence[at];
    const context = sentence[other];
    if (random.next() >= keep[centre] || random.next() >= keep[context]) continue;
    put(centre, context, 1);
    for (let k = 0; k < negatives && row < samples; k++) {
      let fake = noise.draw(random.next());
      while (fake === context) fake = noise.draw(random.next());
      put(centre, fake, 0);
    }
  }
  const dataset = makeDataset({
    id,
    name: `Skip-gram pairs (${corpus.name})`,
    description: skipgramDescription(corpus.name, window, negatives),
    task: 'classification',
    inputShape: [2],
    targetShape: [1],
    classNames: ['noise', 'context'],
    featureNames: ['centre', 'other'],
    targetName: 'is context',
    x,
    y,
    count: samples,
  });
  return { ...dataset, vocabulary: corpus.vocabulary.tokens };
}
