// The char-LSTM name generator: its loss falls well below the unigram baseline, it samples
// plausible names, and its gates can be traced step by step for the heatmap.
import { describe, expect, it } from 'vitest';
import '../setup';
import { noGrad } from '../../../src-engine/core/autograd';
import { tensor } from '../../../src-engine/core/tensor';
import { Rng } from '../../../src-engine/core/rng';
import { Model } from '../../../src-engine/graph/model';
import { validateGraph } from '../../../src-engine/graph/validate';
import { datasetInfo, prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import { unigramCrossEntropy, type NamesDataset } from '../../../src-engine/data/sequences';
import { lstmTrace, recurrentTrace, sampleSequences } from '../../../src-engine/layers/recurrent';
import { loadDataset } from '../../../src-engine/hosts/node/datasets';
import { sequenceChain } from './helpers';

const charModel = (units: number, vocab: number, training: Record<string, unknown> = {}) =>
  sequenceChain(
    [
      ['chars', 'Input'],
      ['embed', 'Embedding', { vocabSize: vocab, dimension: 8 }],
      ['lstm', 'LSTM', { units }],
      ['next', 'Dense', { units: vocab, activation: 'softmax' }],
    ],
    {
      dataset: 'names',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01, clipNorm: 5 },
      batchSize: 32,
      epochs: 5,
      validationSplit: 0.1,
      ...training,
    },
  );

describe('char-LSTM on first names', () => {
  it('learns far below the unigram baseline and samples plausible names', async () => {
    const ds = (await loadDataset('names:window=6', { samples: 8000, seed: 1 })) as NamesDataset;
    const prepared = prepareRun(charModel(16, ds.vocabulary.length), ds);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const { run } = prepared;
    const baseline = unigramCrossEntropy(run.splits.validation.y, ds.vocabulary.length);
    expect(baseline).toBeGreaterThan(2.7);
    const done = await train(run.setup, () => {});
    expect(done.finalValLoss!).toBeLessThan(0.85 * baseline);

    const names = sampleSequences(run.model, { vocabulary: ds.vocabulary, count: 60, seed: 7 });
    expect(names).toHaveLength(60);
    expect(names.every((n) => /^[a-z-]*$/.test(n))).toBe(true);
    const plausible = names.filter((n) => n.length >= 2 && n.length <= 12 && /[aeiouy]/.test(n) && !/(.)\1\1/.test(n));
    expect(plausible.length).toBeGreaterThanOrEqual(48);
    expect(new Set(names).size).toBeGreaterThanOrEqual(40);
    // A prefix is kept, and a low temperature favours the likeliest continuations (shorter, common endings).
    expect(
      sampleSequences(run.model, { vocabulary: ds.vocabulary, count: 10, prefix: 'ma', seed: 2 }).every((n) =>
        n.startsWith('ma'),
      ),
    ).toBe(true);
    expect(() => sampleSequences(run.model, { vocabulary: ds.vocabulary, count: 1, prefix: 'Ma' })).toThrow(
      /"M" is not in the vocabulary/,
    );
  });
});

describe('gate traces for the heatmap', () => {
  const validated = (doc: ReturnType<typeof charModel>) => {
    const v = validateGraph(
      doc,
      datasetInfo({ task: 'classification', inputShape: [6], targetShape: [1], classNames: Array.from({ length: 10 }, String) }),
    );
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    return v.validated;
  };
  const sample = [0, 0, 3, 1, 4, 1];

  it('lstmTrace gives every gate and state per step, consistent with the LSTM equations and the model', () => {
    const model = new Model(validated(charModel(5, 10)), 3);
    const trace = lstmTrace(model, 'lstm', sample);
    expect([trace.steps, trace.units]).toEqual([6, 5]);
    for (const name of ['i', 'f', 'g', 'o', 'c', 'h'] as const) expect(trace[name]).toHaveLength(6);
    for (let t = 0; t < 6; t++) {
      for (let u = 0; u < 5; u++) {
        for (const gate of [trace.i, trace.f, trace.o]) expect(gate[t][u] > 0 && gate[t][u] < 1).toBe(true);
        const previous = t > 0 ? trace.c[t - 1][u] : 0;
        expect(trace.c[t][u]).toBeCloseTo(trace.f[t][u] * previous + trace.i[t][u] * trace.g[t][u], 5);
        expect(trace.h[t][u]).toBeCloseTo(trace.o[t][u] * Math.tanh(trace.c[t][u]), 5);
      }
    }
    // The forget gate starts near σ(1) ≈ 0.73 thanks to the forget bias of 1.
    const meanForget = trace.f.flat().reduce((a, b) => a + b, 0) / 30;
    expect(meanForget).toBeGreaterThan(0.6);
    const lastH = noGrad(() =>
      model
        .forward(tensor(sample, [1, 6]), { training: false, rng: new Rng(0) }, { keepActivations: true })
        .activations!.get('lstm')!
        .toArray(),
    );
    trace.h[5].forEach((v, u) => expect(v).toBeCloseTo(lastH[u], 5));
  });

  it('recurrentTrace names the gates of GRU and SimpleRNN, and refuses other nodes', () => {
    const gruDoc = charModel(4, 10);
    gruDoc.nodes[2] = { id: 'lstm', type: 'GRU', params: { units: 4 } };
    const gru = recurrentTrace(new Model(validated(gruDoc), 1), 'lstm', sample);
    expect(Object.keys(gru.series).sort()).toEqual(['candidate', 'h', 'r', 'z']);
    const model = new Model(validated(charModel(4, 10)), 1);
    expect(() => lstmTrace(model, 'embed', sample)).toThrow(
      'node "embed" is a Embedding, not a recurrent layer (SimpleRNN, LSTM or GRU)',
    );
    expect(() => lstmTrace(model, 'lstm', [1, 2])).toThrow(/the sample has 2 values, but the model's input \[6\] needs 6/);
    expect(() => lstmTrace(model, 'nope', sample)).toThrow('there is no node "nope" in the model');
  });

  it('an Embedding refuses token ids outside its vocabulary, saying how to fix it', () => {
    const model = new Model(validated(charModel(4, 10)), 1);
    expect(() => lstmTrace(model, 'lstm', [0, 0, 0, 0, 0, 12])).toThrow(
      'Embedding received token id 12, but its vocabulary holds ids 0 to 9: raise vocabSize to at least 13',
    );
    expect(() => lstmTrace(model, 'lstm', [0, 0, 0, 0, 0, 0.5])).toThrow(/must be whole token ids/);
  });
});
