// Names sampled as training proceeds: each epoch's insight event carries texts drawn from the model,
// the same for the same run seed, changing as the model learns, and only for next-character datasets.
import { describe, expect, it } from 'vitest';
import '../setup';
import { trainJob } from '../../../src-engine/hosts/node/runJob/trainJob';
import { RunControl } from '../../../src-engine/hosts/node/runJob/runControl';
import { EPOCH_SAMPLES, insightOptions, isNextCharacterDataset } from '../../../src-engine/train/insightOptions';
import { canSampleSequences, sampleSequences, sampleSequencesAsync } from '../../../src-engine/layers/recurrent/sampleText';
import { loadDataset } from '../../../src-engine/hosts/node/datasets';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { createSequenceDataset, type NamesDataset } from '../../../src-engine/data/sequences';
import { ENGINE_PROTOCOL, type EngineToHost } from '../../../src-shared/engineProtocol';
import type { InsightEvent } from '../../../src-shared/engineEvents';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import { sequenceChain } from './helpers';
import { readFileSync } from 'node:fs';

const charGraph = (seed: number, epochs = 3): GraphDoc =>
  sequenceChain(
    [
      ['chars', 'Input'],
      ['embed', 'Embedding', { vocabSize: 28, dimension: 8 }],
      ['lstm', 'LSTM', { units: 16 }],
      ['next', 'Dense', { units: 28, activation: 'softmax' }],
    ],
    {
      dataset: 'names:window=4',
      datasetOptions: { samples: 1500 },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.02, clipNorm: 5 },
      batchSize: 32,
      epochs,
      seed,
    },
  );

/** Runs the engine process's training job and returns the insight events it posted. */
async function trainedInsights(graph: GraphDoc, samples = true): Promise<InsightEvent[]> {
  const posted: EngineToHost[] = [];
  const request = {
    type: 'train' as const,
    protocol: ENGINE_PROTOCOL as typeof ENGINE_PROTOCOL,
    runId: 'r',
    graph,
    insights: { samples },
  };
  await trainJob(request, (m) => posted.push(m), new RunControl());
  const failed = posted.find((m) => m.type === 'failed');
  if (failed) throw new Error(JSON.stringify(failed));
  return posted.flatMap((m) => (m.type === 'event' && m.event.event === 'insight' ? [m.event] : []));
}

describe('names sampled each epoch', () => {
  it('come with every epoch, made of the vocabulary, the same for the same seed, and change as the model learns', async () => {
    const first = await trainedInsights(charGraph(3));
    expect(first.map((e) => e.epoch)).toEqual([1, 2, 3]);
    for (const e of first) {
      expect(e.samples).toHaveLength(EPOCH_SAMPLES.count);
      for (const name of e.samples!) expect(name).toMatch(/^[a-z-]{0,16}$/);
    }
    // The same seed draws every epoch, so the lists differ only because the weights did.
    expect(first[0]!.samples).not.toEqual(first[2]!.samples);
    const again = await trainedInsights(charGraph(3));
    expect(again.map((e) => e.samples)).toEqual(first.map((e) => e.samples));
    const otherSeed = await trainedInsights(charGraph(4, 1));
    expect(otherSeed[0]!.samples).not.toEqual(first[0]!.samples);
  });

  it('are not asked for unless requested', async () => {
    expect(await trainedInsights(charGraph(3, 1), false)).toEqual([]);
  });

  it('a skip-gram run asked for every insight the app asks of 2-D inputs trains to the end', async () => {
    const graph = JSON.parse(readFileSync('examples/skipgram.json', 'utf8')) as GraphDoc;
    graph.training = { ...graph.training, epochs: 1, datasetOptions: { samples: 2000 } };
    const posted: EngineToHost[] = [];
    await trainJob(
      {
        type: 'train',
        protocol: ENGINE_PROTOCOL,
        runId: 's',
        graph,
        insights: { histograms: true, boundary: true, samples: true },
      },
      (m) => posted.push(m),
      new RunControl(),
    );
    expect(posted.find((m) => m.type === 'failed')).toBeUndefined();
    const insight = posted.find((m) => m.type === 'event' && m.event.event === 'insight');
    expect(insight?.type === 'event' && insight.event.event === 'insight' && Object.keys(insight.event)).toEqual([
      'event',
      'epoch',
      'histograms',
    ]);
    expect(posted.some((m) => m.type === 'event' && m.event.event === 'done' && m.event.status === 'completed')).toBe(true);
  });

  it('are offered only for datasets whose vocabulary is single characters', async () => {
    const names = (await loadDataset('names:window=4', { samples: 200 })) as NamesDataset;
    const split = { x: names.x, y: names.y, count: names.count };
    expect(isNextCharacterDataset(names)).toBe(true);
    expect(insightOptions({ samples: true }, names.inputShape, split, names, 5)?.samples).toMatchObject({
      vocabulary: names.vocabulary,
      count: EPOCH_SAMPLES.count,
    });
    // Another seed, another stream; no dataset (or none asked), no samples.
    expect(insightOptions({ samples: true }, names.inputShape, split, names, 6)!.samples!.seed).not.toBe(
      insightOptions({ samples: true }, names.inputShape, split, names, 5)!.samples!.seed,
    );
    expect(insightOptions({ samples: true }, names.inputShape, split)).toBeUndefined();
    expect(insightOptions({ histograms: true }, names.inputShape, split, names)?.samples).toBeUndefined();
    // Word pairs (a word vocabulary, classes noise/context) and numeric sequences get none.
    const skipgram = createSequenceDataset('skipgram', { samples: 100 });
    expect(isNextCharacterDataset(skipgram)).toBe(false);
    expect(insightOptions({ samples: true }, skipgram.inputShape, skipgram, skipgram)).toBeUndefined();
    // Nor a decision boundary: its two inputs are word ids, not a plane (values between ids would stop the Embedding).
    expect(insightOptions({ histograms: true, boundary: true }, skipgram.inputShape, skipgram, skipgram)).toEqual({
      histograms: true,
    });
    const adding = createSequenceDataset('adding', { samples: 10 });
    expect(insightOptions({ samples: true, histograms: true }, adding.inputShape, adding, adding)).toEqual({ histograms: true });
  });

  it('the async sampler draws exactly what the synchronous one does', async () => {
    const names = (await loadDataset('names:window=4', { samples: 300 })) as NamesDataset;
    const prepared = prepareRun(charGraph(1), names);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const options = { vocabulary: names.vocabulary, count: 5, seed: 9, prefix: 'an', temperature: 1.2 };
    const sync = sampleSequences(prepared.run.model, options);
    expect(await sampleSequencesAsync(prepared.run.model, options)).toEqual(sync);
    expect(sync.every((n) => n.startsWith('an'))).toBe(true);
    // collectInsights samples only models that score the next token over the vocabulary.
    expect(canSampleSequences(prepared.run.model, names.vocabulary)).toBe(true);
    expect(canSampleSequences(prepared.run.model, names.vocabulary.slice(1))).toBe(false);
  });
});
