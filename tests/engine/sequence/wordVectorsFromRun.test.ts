// What the app's embedding view reads of a skip-gram run without the Node loader: the planted
// corpus's vocabulary (the same ids as the loader's) and the vectors in the stored weights.
import { describe, expect, it } from 'vitest';
import '../setup';
import { inMemoryWordVocabulary, sequencePreview, type SkipgramDataset } from '../../../src-engine/data/sequences';
import { loadDataset } from '../../../src-engine/hosts/node/datasets';
import { checkpointVectors, embeddingVectors, nearestNeighbours } from '../../../src-engine/word2vec';
import { snapshotModel } from '../../../src-engine/hosts/node/runJob/checkpoints';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { readFileSync } from 'node:fs';

describe('a skip-gram run seen from the app', () => {
  it('rebuilds the planted corpus vocabulary exactly as the loader does, for the run seed and options', async () => {
    for (const [ref, seed] of [
      ['skipgram', 1],
      ['skipgram', 7],
      ['skipgram:minCount=500', 3],
    ] as const) {
      const loaded = (await loadDataset(ref, { samples: 200, seed })) as SkipgramDataset;
      const vocabulary = inMemoryWordVocabulary(ref, { seed });
      expect(vocabulary?.tokens).toEqual(loaded.vocabulary);
      // Most frequent first, with counts.
      expect(vocabulary!.counts[0]).toBeGreaterThanOrEqual(vocabulary!.counts.at(-1)!);
    }
    expect(inMemoryWordVocabulary('skipgram:minCount=500', { seed: 3 })!.tokens.length).toBeLessThan(
      inMemoryWordVocabulary('skipgram', { seed: 3 })!.tokens.length,
    );
    expect(inMemoryWordVocabulary('skipgram:corpus=moby-dick')).toBeNull();
    expect(inMemoryWordVocabulary('names')).toBeNull();
    expect(() => inMemoryWordVocabulary('skipgram:widow=3')).toThrow(/no option "widow"/);
  });

  it('the sequence preview of word pairs carries the whole vocabulary', async () => {
    const ds = (await loadDataset('skipgram', { samples: 50, seed: 1 })) as SkipgramDataset;
    const preview = sequencePreview(ds, 3);
    expect(preview?.kind === 'pairs' && preview.vocabulary).toEqual(ds.vocabulary);
  });

  it('reads the embedding table from stored weights, the same vectors as the live model', async () => {
    const graph = JSON.parse(readFileSync('examples/skipgram.json', 'utf8'));
    const ds = (await loadDataset('skipgram', { samples: 200, seed: 1 })) as SkipgramDataset;
    const prepared = prepareRun(graph, ds);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const model = prepared.run.model;
    const stored = snapshotModel(model).map((t) => ({ ...t, data: Array.from(t.data) }));
    const fromRun = checkpointVectors(stored, 'centre', ds.vocabulary);
    const live = embeddingVectors(model, 'centre', ds.vocabulary);
    expect(fromRun.dim).toBe(16);
    expect(Array.from(fromRun.vectors)).toEqual(Array.from(live.vectors));
    expect(nearestNeighbours(fromRun, 'cat', 3)).toEqual(nearestNeighbours(live, 'cat', 3));
    expect(() => checkpointVectors(stored, 'score', ds.vocabulary)).toThrow(/no embedding table for node "score"/);
    expect(() =>
      checkpointVectors(stored, 'centre', [...ds.vocabulary, ...Array.from({ length: 40 }, (_, i) => `w${i}`)]),
    ).toThrow(/only 38 rows/);
  });
});
