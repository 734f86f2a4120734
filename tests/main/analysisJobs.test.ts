// inspect.ensemble and inspect.word2vec through the real services, a real engine (worker thread)
// and a real SQLite store: two iris runs averaged, and word vectors of the planted corpus.
import { describe, expect, it } from 'vitest';
import { API_CHANNELS } from '../../src-shared/contract';
import { startTestApp } from './helpers/services';
import { clusterMargins } from '../engine/sequence/clusters';
import { irisGraph } from './helpers/graphs';

describe('analysis jobs', () => {
  const app = startTestApp({ engine: 'thread' });
  const inspect = app.services.handlers.inspect;

  it('averages two iris runs and names them beside their own accuracy', async () => {
    const ids: string[] = [];
    for (const seed of [1, 2])
      ids.push((await app.services.handlers.runs.start(irisGraph(seed), { name: `iris ${seed}` })).runId);
    for (const id of ids) expect(await app.waitForStatus(id, 'completed', 'failed')).toBe('completed');
    const result = await inspect.ensemble(ids, { checkpoint: 'final', split: 'validation' });
    expect(result).toMatchObject({
      runIds: ids,
      names: ['iris 1', 'iris 2'],
      checkpoint: 'final',
      split: 'validation',
      task: 'classification',
      count: 45,
    });
    expect(result.members.map((m) => m.sameSplit)).toEqual([true, false]);
    // The first member's score is its own evaluation of the same split.
    const own = await inspect.evaluate(ids[0], { checkpoint: 'final', split: 'validation' });
    expect(result.members[0].score).toBeCloseTo(own.accuracy!, 12);
    await expect(inspect.ensemble([ids[0], ids[0]], { checkpoint: 'final', split: 'validation' })).rejects.toThrow(
      'each run can be in the ensemble once',
    );
  });

  it('validates the requests at the boundary', () => {
    expect(
      API_CHANNELS['inspect:ensemble'].args.safeParse([['a'], { checkpoint: 'best', split: 'validation' }]).error?.issues[0]
        ?.message,
    ).toBe('an ensemble needs at least 2 runs');
    const request = { corpus: 'planted', mode: 'cbow', objective: 'full', dim: 16, window: 2, epochs: 5, seed: 1 };
    expect(API_CHANNELS['inspect:word2vec'].args.safeParse([request]).success).toBe(true);
    expect(API_CHANNELS['inspect:word2vec'].args.safeParse([{ ...request, objective: 'sampled' }]).success).toBe(false);
    expect(API_CHANNELS['inspect:word2vec'].args.safeParse([{ ...request, dim: 1000 }]).error?.issues[0]?.message).toBe(
      'at most 300 dimensions',
    );
  });

  it('trains word vectors with each objective and finds the planted topics', async () => {
    for (const objective of ['negative', 'hierarchical', 'full'] as const) {
      const v = await inspect.word2vec({
        corpus: 'planted',
        mode: 'skipgram',
        objective,
        dim: 16,
        window: 2,
        epochs: 5,
        seed: 4,
      });
      expect(v.vocabularySize).toBe(38);
      expect(v.vectors).toHaveLength(38 * 16);
      expect(v.pairs).toBeGreaterThan(0);
      expect(
        clusterMargins({ words: v.words, dim: v.dim, vectors: Float32Array.from(v.vectors) }).worstMargin,
        objective,
      ).toBeGreaterThan(0);
    }
  });
});
