// word2vec: on a corpus with planted topic clusters, every variant places a topic's words nearer
// each other than words of other topics; the helpers (Huffman codes, cosine, PCA) on known answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../setup';
import { buildCorpus, generatePlantedCorpus, plantedClusterOf, type SkipgramDataset } from '../../../src-engine/data/sequences';
import { clusterMargins } from './clusters';
import {
  analogy,
  buildHuffman,
  cosine,
  embeddingVectors,
  nearestNeighbours,
  pca2d,
  trainWord2Vec,
  type WordVectors,
} from '../../../src-engine/word2vec';
import { loadDataset } from '../../../src-engine/hosts/node/datasets';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import type { GraphDoc } from '../../../src-shared/graphFormat';

describe('word2vec on the planted corpus', () => {
  const corpus = buildCorpus(generatePlantedCorpus({ seed: 3 }), 'planted');

  it('skip-gram with negative sampling: every word is nearer its own topic than any other topic', () => {
    const losses: number[] = [];
    const result = trainWord2Vec(corpus, { mode: 'skipgram', dim: 16, window: 2, epochs: 5, lr: 0.05, seed: 2 }, (_e, loss) =>
      losses.push(loss),
    );
    expect(losses).toEqual(result.lossPerEpoch);
    expect(losses[4]).toBeLessThan(0.85 * losses[0]);
    const m = clusterMargins(result.vectors);
    expect(m.worstMargin).toBeGreaterThan(0);
    expect(m.meanSame - m.meanOther).toBeGreaterThan(0.4);
    const neighbours = nearestNeighbours(result.vectors, 'cat', 5).map((n) => n.word);
    expect(neighbours.every((w) => plantedClusterOf(w) === 'animals')).toBe(true);
  });

  it('CBOW and hierarchical softmax learn the same clusters', () => {
    for (const options of [
      { mode: 'cbow' as const },
      { objective: 'hierarchical' as const },
      { mode: 'cbow' as const, objective: 'hierarchical' as const },
    ]) {
      const result = trainWord2Vec(corpus, { dim: 16, window: 2, epochs: 5, lr: 0.05, seed: 4, ...options });
      const m = clusterMargins(result.vectors);
      expect(m.worstMargin, JSON.stringify(options)).toBeGreaterThan(0);
    }
  });

  it('is reproducible from its seed', () => {
    const a = trainWord2Vec(corpus, { dim: 8, epochs: 1, seed: 9 });
    const b = trainWord2Vec(corpus, { dim: 8, epochs: 1, seed: 9 });
    expect(a.vectors.vectors).toEqual(b.vectors.vectors);
    // Subsampling skips most occurrences of frequent words; without it every word is a centre.
    const all = trainWord2Vec(corpus, { dim: 8, epochs: 1, seed: 9, subsample: 0 });
    expect(all.pairs).toBeGreaterThan(corpus.tokenCount);
    expect(a.pairs).toBeLessThan(all.pairs / 2);
  });
});

describe('skip-gram as a graph (examples/skipgram.json) trained by the normal trainer', () => {
  it('its centre Embedding clusters the planted topics', async () => {
    const doc = JSON.parse(readFileSync('examples/skipgram.json', 'utf8')) as GraphDoc;
    const ds = (await loadDataset(doc.training.dataset, { seed: doc.training.seed, samples: 15000 })) as SkipgramDataset;
    const prepared = prepareRun({ ...doc, training: { ...doc.training, epochs: 4 } }, ds);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const done = await train(prepared.run.setup, () => {});
    // Most true pairs and noise pairs are told apart (4 noise pairs per true one: 80% is guessing "noise").
    expect(done.finalValAcc!).toBeGreaterThan(0.82);
    const m = clusterMargins(embeddingVectors(prepared.run.model, 'centre', ds.vocabulary));
    expect(m.meanSame - m.meanOther).toBeGreaterThan(0.3);
    expect(() => embeddingVectors(prepared.run.model, 'score', ds.vocabulary)).toThrow('node "score" is a Dot, not an Embedding');
  });
});

describe('word-vector helpers on known answers', () => {
  const wv: WordVectors = {
    words: ['king', 'queen', 'man', 'woman', 'apple'],
    dim: 3,
    vectors: Float32Array.from([1, 1, 0, 1, -1, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1]),
  };

  it('cosine, nearest neighbours and the classic analogy', () => {
    expect(cosine([1, 0], [0, 2])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1, 10);
    expect(cosine([0, 0], [1, 2])).toBe(0);
    expect(nearestNeighbours(wv, 'king', 2).map((n) => n.word)).toEqual(['man', 'queen']);
    expect(analogy(wv, 'man', 'king', 'woman', 1)[0].word).toBe('queen');
    expect(() => nearestNeighbours(wv, 'pear')).toThrow('"pear" is not in the vocabulary (5 words)');
  });

  it('Huffman codes are prefix-free, fill the tree exactly, and give frequent words shorter codes', () => {
    const counts = [50, 20, 10, 10, 5, 3, 1, 1];
    const { codes, points } = buildHuffman(counts);
    const strings = codes.map((c) => Array.from(c).join(''));
    for (const a of strings) for (const b of strings) if (a !== b) expect(b.startsWith(a)).toBe(false);
    expect(strings.reduce((s, c) => s + 2 ** -c.length, 0)).toBeCloseTo(1, 12);
    expect(codes[0].length).toBeLessThan(codes[7].length);
    for (const p of points) for (const node of p) expect(node >= 0 && node <= counts.length - 2).toBe(true);
    expect(points.every((p) => p[0] === counts.length - 2)).toBe(true);
  });

  it('PCA finds the direction of largest spread first', () => {
    // Points spread 10× more along (1, 1, 0) than along (0, 0, 1).
    const rows = 200;
    const v = new Float32Array(rows * 3);
    for (let r = 0; r < rows; r++) {
      const a = Math.sin(r * 1.3) * 10;
      const b = Math.cos(r * 0.7);
      v.set([a + 5, a - 2, b], r * 3);
    }
    const p = pca2d(v, rows, 3);
    expect(p.explained[0]).toBeGreaterThan(0.98);
    expect(p.explained[0] + p.explained[1]).toBeCloseTo(1, 6);
    // The first coordinate is the centred projection on (1, 1, 0)/√2, up to sign.
    const first = p.points.map(([x]) => x);
    const expected = Array.from({ length: rows }, (_, r) => (Math.sin(r * 1.3) * 10 * 2) / Math.SQRT2);
    const corr = cosine(
      first,
      expected.map((e) => e - expected.reduce((s, x) => s + x, 0) / rows),
    );
    expect(Math.abs(corr)).toBeGreaterThan(0.999);
  });
});
