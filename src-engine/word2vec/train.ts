// word2vec (Mikolov et al. 2013) as a compact specialized loop, like the original C code: sparse
// SGD on the rows a training pair touches, which is far faster than dense tensors for big
// vocabularies. Skip-gram predicts each context word from the centre word; CBOW predicts the
// centre word from the mean of its context. With negative sampling (the true word against
// `negatives` noise words), hierarchical softmax (binary decisions down a Huffman tree) or the
// plain full softmax over the whole vocabulary (the baseline the other two approximate).
import { Rng } from '../core/rng';
import { keepProbabilities, NoiseSampler } from '../data/sequences/noise';
import { buildHuffman } from './huffman';
import type { Corpus } from '../data/sequences/corpus';
import type { WordVectors } from './vectors';
import { binaryStep, fullSoftmaxStep } from './objectives';
import type { Word2VecObjective } from './cost';

export interface Word2VecOptions {
  mode?: 'skipgram' | 'cbow';
  /** 'negative' sampling (default), 'hierarchical' softmax or the 'full' softmax over the vocabulary. */
  objective?: Word2VecObjective;
  dim?: number;
  /** Largest distance between centre and context; each centre draws its own window 1 … window. */
  window?: number;
  negatives?: number;
  epochs?: number;
  /** Starting learning rate, decayed linearly to nearly 0 (default 0.025 skip-gram, 0.05 CBOW). */
  lr?: number;
  /** Frequent-word subsampling threshold (default 1e-3; 0 keeps every word). */
  subsample?: number;
  seed?: number;
}

export interface Word2VecResult {
  /** The input ("centre") vectors: the word embeddings. */
  vectors: WordVectors;
  /** Mean loss per training prediction, per epoch. */
  lossPerEpoch: number[];
  /** Training predictions (centre/context pairs) made. */
  pairs: number;
}

export function trainWord2Vec(
  corpus: Corpus,
  options: Word2VecOptions = {},
  onEpoch?: (epoch: number, loss: number) => void,
): Word2VecResult {
  const mode = options.mode ?? 'skipgram';
  const objective = options.objective ?? 'negative';
  if (!['negative', 'hierarchical', 'full'].includes(objective))
    throw new Error(`word2vec: objective must be negative, hierarchical or full, got "${String(objective)}"`);
  const hierarchical = objective === 'hierarchical';
  const dim = options.dim ?? 50;
  const window = options.window ?? 5;
  const negatives = options.negatives ?? 5;
  const epochs = options.epochs ?? 5;
  const startLr = options.lr ?? (mode === 'cbow' ? 0.05 : 0.025);
  if (!(
    Number.isInteger(dim) &&
    dim > 0 &&
    Number.isInteger(window) &&
    window > 0 &&
    Number.isInteger(epochs) &&
    epochs > 0 &&
    negatives >= 0
  )) {
    throw new Error('word2vec: dimension, window and epochs must be positive whole numbers');
  }
  const counts = corpus.vocabulary.counts;
  const v = counts.length;
  const rng = new Rng(options.seed ?? 1);
  const input = Float32Array.from({ length: v * dim }, () => (rng.next() - 0.5) / dim);
  const output = new Float32Array((hierarchical ? Math.max(1, v - 1) : v) * dim);
  const noise = new NoiseSampler(counts);
  const keep = keepProbabilities(counts, options.subsample ?? 1e-3);
  const tree = hierarchical ? buildHuffman(counts) : null;
  const scores = objective === 'full' ? new Float32Array(v) : null;
  const hidden = new Float32Array(dim);
  const update = new Float32Array(dim);
  const total = epochs * corpus.tokenCount + 1;
  let processed = 0;
  let pairs = 0;
  const lossPerEpoch: number[] = [];

  /** One prediction: from vector `h` (offset hOff in `src`), raise the score of `target`; accumulates into `update`. */
  const learn = (src: Float32Array, hOff: number, target: number, lr: number): number => {
    if (scores) return fullSoftmaxStep(src, hOff, output, v, target, dim, lr, update, scores);
    let loss = 0;
    if (tree) {
      const code = tree.codes[target];
      const points = tree.points[target];
      // NOTE: word2vec.c's label is 1 − code: the decision "go to child 0" is the positive class.
      for (let d = 0; d < code.length; d++) loss += binaryStep(src, hOff, output, points[d], 1 - code[d], dim, lr, update);
    } else {
      loss += binaryStep(src, hOff, output, target, 1, dim, lr, update);
      for (let k = 0; k < negatives; k++) {
        const fake = noise.draw(rng.next());
        if (fake !== target) loss += binaryStep(src, hOff, output, fake, 0, dim, lr, update);
      }
    }
    return loss;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    let lossSum = 0;
    let epochPairs = 0;
    for (const sentence of corpus.sentences) {
      const lr = startLr * Math.max(1e-4, 1 - processed / total);
      processed += sentence.length;
      const kept = sentence.filter((w) => rng.next() < keep[w]);
      for (let at = 0; at < kept.length; at++) {
        const reach = 1 + rng.int(window);
        const from = Math.max(0, at - reach);
        const to = Math.min(kept.length - 1, at + reach);
        if (mode === 'skipgram') {
          for (let c = from; c <= to; c++) {
            if (c === at) continue;
            update.fill(0);
            lossSum += learn(input, kept[at] * dim, kept[c], lr);
            const o = kept[at] * dim;
            for (let j = 0; j < dim; j++) input[o + j] += update[j];
            epochPairs++;
          }
        } else {
          const n = to - from;
          if (n === 0) continue;
          hidden.fill(0);
          for (let c = from; c <= to; c++) if (c !== at) for (let j = 0; j < dim; j++) hidden[j] += input[kept[c] * dim + j] / n;
          update.fill(0);
          lossSum += learn(hidden, 0, kept[at], lr);
          for (let c = from; c <= to; c++) if (c !== at) for (let j = 0; j < dim; j++) input[kept[c] * dim + j] += update[j];
          epochPairs++;
        }
      }
    }
    const loss = epochPairs > 0 ? lossSum / epochPairs : 0;
    lossPerEpoch.push(loss);
    pairs += epochPairs;
    onEpoch?.(epoch + 1, loss);
  }
  return { vectors: { words: corpus.vocabulary.tokens, dim, vectors: input }, lossPerEpoch, pairs };
}
