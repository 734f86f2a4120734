// The Sequences screen's logic: text ↔ token ids, which runs it offers, and sampling and gate traces
// on a model built from the char-LSTM and adding templates.
import { describe, expect, it } from 'vitest';
import { decodeTokens, displayName, textToTokenIds, tokenLabels } from '../../src-renderer/sequences/tokens';
import {
  addingSample,
  canSampleText,
  recurrentNodes,
  sampleNames,
  shownSeries,
  traceGates,
} from '../../src-renderer/sequences/sequenceModel';
import {
  datasetItemFor,
  isCharDataset,
  isTraining,
  sequenceRuns,
  sequenceViews,
  viewsLabel,
  type SequenceView,
} from '../../src-renderer/sequences/sequenceRuns';
import { builtinDatasets } from '../../src-renderer/datasets/datasetStore';
import { heatmapCells, showStepLabel, valueRange } from '../../src-renderer/sequences/heatmapOption';
import { templateById, TEMPLATES } from '../../src-renderer/templates/templates';
import { validateGraph } from '../../src-engine/graph/validate';
import { Model } from '../../src-engine/graph/model';
import { catalogueEntry } from '../../src-engine/data/catalogue';
import type { RunSummary } from '../../src-shared/api';
import { withBackend } from '../../src-engine/core/backend';
import { CpuBackend, registerCpuKernels } from '../../src-engine/kernels/cpu';
import { inMemoryWordVocabulary } from '../../src-engine/data/sequences';
import {
  idLabels,
  labelledWords,
  lookUpWord,
  neighboursOf,
  projectWords,
  runVocabulary,
  startingWord,
  type WordVectors,
} from '../../src-renderer/sequences/wordVectors';
import { scatterGroups } from '../../src-renderer/sequences/embeddingOption';
import { sequencePreviewOf, sequenceTextTable } from '../../src-renderer/sequences/previewTable';
import { loadStoredSamples, mergeEpochSamples, useEpochSamples } from '../../src-renderer/sequences/epochSampleStore';
import { setApi } from '../../src-renderer/app/api';
import { createFakeApi } from './fakes/fakeApi';
import { startTraining, subscribeToRunUpdates } from '../../src-renderer/runs/trainActions';
import { useRunStore } from '../../src-renderer/runs/runStore';
import { useGraphStore } from '../../src-renderer/document/graphStore';
import { fromGraphDoc } from '../../src-renderer/document/document';
import type { InsightEvent } from '../../src-shared/engineEvents';
import type { InsightRequest, LayerLabApi, RunUpdate } from '../../src-shared/api';

const VOCAB = catalogueEntry('names')!.classNames!;

function modelOf(templateId: string): { model: Model; inputShape: number[] } {
  const doc = templateById(templateId)!.doc;
  const ds = catalogueEntry(doc.training.dataset)!;
  const v = validateGraph(doc, {
    task: ds.task,
    inputShape: ds.inputShape,
    targetShape: ds.targetShape,
    classCount: ds.classNames?.length,
  });
  if (!v.ok) throw new Error(v.issues[0]!.message);
  registerCpuKernels();
  const model = withBackend(new CpuBackend('float32'), () => new Model(v.validated, 1));
  return { model, inputShape: ds.inputShape };
}

describe('text to token ids', () => {
  it('pads a prefix on the left with the boundary and keeps the last `window` characters', () => {
    expect(VOCAB.slice(0, 3)).toEqual(['.', '-', 'a']);
    expect(textToTokenIds('ab', VOCAB, 4)).toEqual({ ok: true, ids: [0, 0, 2, 3] });
    expect(textToTokenIds('Emma', VOCAB, 3)).toEqual({
      ok: true,
      ids: [VOCAB.indexOf('m'), VOCAB.indexOf('m'), VOCAB.indexOf('a')],
    });
    expect(textToTokenIds('', VOCAB, 2)).toEqual({ ok: true, ids: [0, 0] });
    expect(textToTokenIds('mary-jo', VOCAB, 8)).toMatchObject({ ok: true, ids: expect.arrayContaining([1]) });
  });

  it('names the character that is not in the vocabulary and where it is', () => {
    const r = textToTokenIds('ann3', VOCAB, 8);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/“3” \(character 4\) is not in the model's vocabulary/);
    const space = textToTokenIds('a b', VOCAB, 8);
    if (!space.ok) expect(space.message).toMatch(/a space \(character 2\)/);
    else throw new Error('a space was accepted');
  });

  it('decodes ids back to text, skipping leading padding and stopping at the end mark', () => {
    const { ids } = textToTokenIds('zoe', VOCAB, 6) as { ok: true; ids: number[] };
    expect(decodeTokens(ids, VOCAB)).toBe('zoe');
    expect(decodeTokens([...ids, 0, VOCAB.indexOf('x')], VOCAB)).toBe('zoe');
    expect(tokenLabels(ids, VOCAB).join('')).toBe('...zoe');
    expect(displayName('zoe')).toBe('Zoe');
    expect(displayName('')).toBe('');
  });
});

describe('runs offered', () => {
  const run = (id: string, datasetId: string, status: RunSummary['status']) => ({ id, datasetId, status }) as RunSummary;
  const list = builtinDatasets;
  const viewsOfTemplate = (templateId: string, datasetId?: string) => {
    const doc = templateById(templateId)!.doc;
    return sequenceViews(doc, datasetItemFor(datasetId ?? doc.training.dataset, list));
  };

  it('reads what to show from the graph and the dataset, not from a list of dataset ids', () => {
    expect(viewsOfTemplate('char-lstm')).toEqual(['names', 'gates']);
    expect(viewsOfTemplate('char-lstm', 'names:window=6')).toEqual(['names', 'gates']);
    expect(viewsOfTemplate('adding-lstm')).toEqual(['gates']);
    expect(viewsOfTemplate('adding-rnn', 'adding:length=100')).toEqual(['gates']);
    expect(viewsOfTemplate('skipgram')).toEqual(['embeddings']);
    expect(viewsOfTemplate('cbow')).toEqual(['embeddings']);
    // A recurrent layer on any dataset has gates; a plain classifier nothing.
    expect(viewsOfTemplate('adding-lstm', 'sine-seq')).toEqual(['gates']);
    expect(sequenceViews(TEMPLATES[0]!.doc, datasetItemFor(TEMPLATES[0]!.doc.training.dataset, list))).toEqual([]);
    // Names need single-character classes over a window of ids: digits of an image or iris species are not.
    expect(isCharDataset(datasetItemFor('names', list))).toBe(true);
    for (const id of ['mnist', 'iris', 'skipgram', 'cbow', 'adding']) expect(isCharDataset(datasetItemFor(id, list))).toBe(false);
    expect(isCharDataset({ task: 'classification', inputShape: [5], classNames: ['.', 'a', 'b', 'c'] })).toBe(true);
    expect(isCharDataset({ task: 'classification', inputShape: [5], classNames: ['no', 'yes', 'maybe'] })).toBe(false);
    expect(datasetItemFor('nope', list)).toBeUndefined();
    expect(viewsLabel(['names', 'gates'])).toBe('names');
    expect(viewsLabel(['embeddings'])).toBe('word vectors');
    expect(viewsLabel(['gates'])).toBe('gates');
  });

  it('lists finished runs with something to show and char runs still training, the active one first', () => {
    const views: Record<string, SequenceView[]> = {
      a: ['names', 'gates'],
      b: [],
      c: ['gates'],
      d: ['names', 'gates'],
      e: ['gates'],
      f: ['gates'],
      g: ['embeddings'],
    };
    const runs = [
      run('a', 'names', 'completed'),
      run('b', 'moons', 'completed'),
      run('c', 'adding:length=100', 'completed'),
      run('d', 'names', 'running'),
      run('e', 'adding', 'failed'),
      run('f', 'adding', 'running'),
      run('g', 'skipgram', 'stopped'),
      run('h', 'names', 'completed'),
    ];
    // h: its graph is still loading.
    const viewsOf = (r: RunSummary) => views[r.id];
    expect(sequenceRuns(runs, null, viewsOf).map((r) => r.id)).toEqual(['a', 'c', 'd', 'g']);
    expect(sequenceRuns(runs, 'd', viewsOf).map((r) => r.id)).toEqual(['d', 'a', 'c', 'g']);
    expect(sequenceRuns(runs, 'f', viewsOf).map((r) => r.id)).toEqual(['a', 'c', 'd', 'g']);
    expect(isTraining(runs[3]!)).toBe(true);
    expect(isTraining(runs[0]!)).toBe(false);
  });
});

describe('sampling and gate traces on a char-LSTM', () => {
  const { model, inputShape } = modelOf('char-lstm');

  it('finds the recurrent node and knows the model samples text', () => {
    expect(recurrentNodes(templateById('char-lstm')!.doc)).toEqual([{ id: 'lstm', type: 'LSTM' }]);
    expect(canSampleText(inputShape, VOCAB, model)).toBe(true);
    expect(canSampleText(inputShape, VOCAB.slice(1), model)).toBe(false);
  });

  it('samples 10 names made of vocabulary characters, the same for the same seed', () => {
    const names = sampleNames(model, VOCAB, { count: 10, temperature: 1, seed: 3 });
    expect(names).toHaveLength(10);
    for (const n of names) expect(n).toMatch(/^[a-z-]*$/);
    expect(sampleNames(model, VOCAB, { count: 10, temperature: 1, seed: 3 })).toEqual(names);
    expect(sampleNames(model, VOCAB, { count: 3, temperature: 1, seed: 3, prefix: 'jo' }).every((n) => n.startsWith('jo'))).toBe(
      true,
    );
  });

  it('traces the LSTM gates over the typed text: i, f, o in [0, 1] and the cell state', () => {
    const { ids } = textToTokenIds('emma', VOCAB, inputShape[0]!) as { ok: true; ids: number[] };
    const trace = traceGates(model, 'lstm', ids);
    expect(trace).toMatchObject({ type: 'LSTM', steps: 8, units: 32 });
    expect(shownSeries(trace).map((s) => s.key)).toEqual(['i', 'f', 'o', 'c']);
    for (const key of ['i', 'f', 'o']) {
      expect(trace.series[key]).toHaveLength(8);
      for (const row of trace.series[key]!) for (const v of row) expect(v >= 0 && v <= 1).toBe(true);
    }
    expect(trace.series.c![7]!.some((v) => v !== 0)).toBe(true);
    expect(() => traceGates(model, 'next', ids)).toThrow(/not a recurrent layer/);
  });
});

describe('gate traces on the adding problem', () => {
  it('traces a SimpleRNN over a marked sequence, labelling the two marked steps', () => {
    const { model, inputShape } = modelOf('adding-rnn');
    const sample = addingSample(inputShape[0]!, 7);
    expect(sample.labels.filter((l) => l.startsWith('★'))).toHaveLength(2);
    const trace = traceGates(model, 'rnn', sample.values);
    expect(trace).toMatchObject({ type: 'SimpleRNN', steps: 50, units: 8 });
    expect(shownSeries(trace).map((s) => s.key)).toEqual(['h']);
  });

  it('scales gates 0..1 and states symmetrically, one cell per step and unit', () => {
    expect(valueRange('f', [[0.2]])).toEqual([0, 1]);
    expect(valueRange('c', [[0.5, -1.234]])).toEqual([-1.2, 1.2]);
    expect(valueRange('c', [[0]])).toEqual([-1, 1]);
    const labels = Array.from({ length: 50 }, (_, t) => (t === 5 || t === 31 ? `★${t + 1}` : String(t + 1)));
    const shown = labels.filter((_, t) => showStepLabel(labels, t));
    expect(shown).toEqual(['1', '★6', '11', '16', '21', '26', '★32', '36', '41', '46']);
    expect(
      heatmapCells([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [1, 0, 3],
      [1, 1, 4],
    ]);
  });
});

describe('word vectors of a run', () => {
  // Planted vectors with known answers: three clusters along the axes, members at known angles.
  const planted: WordVectors = {
    words: ['cat', 'dog', 'cow', 'red', 'blue', 'rain'],
    dim: 3,
    vectors: Float32Array.from([
      1, 0, 0, /* cat */ 0.9, 0.1, 0, /* dog */ 0.8, 0, 0.3 /* cow */, 0, 1, 0, /* red */ 0.1, 0.95, 0, /* blue */ 0, 0,
      2 /* rain */,
    ]),
  };

  it('ranks neighbours by cosine similarity, most similar first, without the word itself', () => {
    const near = neighboursOf(planted, 'cat', 5);
    expect(near.map((n) => n.word)).toEqual(['dog', 'cow', 'blue', 'red', 'rain']);
    expect(near[0]!.similarity).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 6);
    expect(near[3]!.similarity).toBeCloseTo(0, 6);
    expect(neighboursOf(planted, 'red', 1)).toEqual([
      { word: 'blue', similarity: expect.closeTo(0.95 / Math.hypot(0.1, 0.95), 6) },
    ]);
    // The start word is a frequent one with a close neighbour.
    expect(startingWord(planted, 3)).toBe('cat');
  });

  it('projects on the two directions of largest variance, keeping clusters apart', () => {
    const { points, explained } = projectWords(planted);
    expect(points).toHaveLength(6);
    expect(explained[0]).toBeGreaterThan(explained[1]);
    expect(explained[0] + explained[1]).toBeGreaterThan(0.85);
    expect(explained[0] + explained[1]).toBeLessThanOrEqual(1 + 1e-9);
    const at = (w: string) => points[planted.words.indexOf(w)]!;
    const dist = (a: string, b: string) => Math.hypot(at(a)[0] - at(b)[0], at(a)[1] - at(b)[1]);
    expect(dist('cat', 'dog')).toBeLessThan(dist('cat', 'red'));
    expect(dist('red', 'blue')).toBeLessThan(dist('red', 'rain'));
    expect(projectWords(planted)).toEqual({ points, explained });
  });

  it('looks typed words up case-blind and names a missing one with similar words', () => {
    expect(lookUpWord(planted, ' Cat ')).toEqual({ ok: true, word: 'cat' });
    expect(lookUpWord(planted, 'raisin')).toEqual({
      ok: false,
      message: '“raisin” is not in the vocabulary (6 words); similar: rain.',
    });
    expect(lookUpWord(planted, '')).toMatchObject({ ok: false, message: expect.stringMatching(/Type a word/) });
  });

  it('labels the most frequent words, the picked one and its neighbours, and highlights them apart', () => {
    const near = neighboursOf(planted, 'red', 1);
    const labelled = labelledWords(planted.words, 2, 'red', near);
    expect([...labelled].sort()).toEqual(['blue', 'cat', 'dog', 'red']);
    const groups = scatterGroups({
      words: planted.words,
      projection: projectWords(planted),
      picked: 'red',
      neighbours: near,
      labelled,
    });
    expect(groups.pick.map((p) => p.name)).toEqual(['red']);
    expect(groups.near.map((p) => p.name)).toEqual(['blue']);
    expect(groups.others.map((p) => [p.name, p.label.show])).toEqual([
      ['cat', true],
      ['dog', true],
      ['cow', false],
      ['rain', false],
    ]);
  });

  it('names the rows of a skip-gram run from the planted corpus, or from the preview when the back end sends words', () => {
    const doc = templateById('skipgram')!.doc;
    const words = runVocabulary(doc)!;
    expect(words).toEqual(inMemoryWordVocabulary('skipgram', { seed: doc.training.seed })!.tokens);
    expect(words).toHaveLength(38);
    expect(words).toEqual(expect.arrayContaining(['cat', 'hammer', 'the']));
    const moby = { ...doc, training: { ...doc.training, dataset: 'skipgram:corpus=moby-dick' } };
    expect(runVocabulary(moby)).toBeNull();
    expect(runVocabulary(moby, { kind: 'pairs', rows: [], vocabulary: ['whale', 'sea'] })).toEqual(['whale', 'sea']);
    expect(runVocabulary(moby, { kind: 'table', rows: [] })).toBeNull();
    expect(idLabels(3)).toEqual(['#0', '#1', '#2']);
  });

  it('names the rows of a CBOW run the same ways: planted corpus here, words in the preview the engine sends', () => {
    const doc = templateById('cbow')!.doc;
    expect(runVocabulary(doc)).toEqual(inMemoryWordVocabulary('cbow', { seed: doc.training.seed })!.tokens);
    expect(runVocabulary(doc)).toHaveLength(38);
    const moby = { ...doc, training: { ...doc.training, dataset: 'cbow:corpus=moby-dick' } };
    expect(runVocabulary(moby)).toBeNull();
    // The engine sends the generic preview with the sequence preview beside it.
    const sent = {
      kind: 'table',
      columns: [],
      rows: [],
      sequence: { kind: 'contexts', window: 2, rows: [], vocabulary: ['whale', 'sea'] },
    };
    expect(runVocabulary(moby, sent)).toEqual(['whale', 'sea']);
    expect(runVocabulary(moby, { ...sent, sequence: { kind: 'contexts', rows: [], vocabulary: [1, 2] } })).toBeNull();
  });
});

describe('sequence datasets in the dataset panel', () => {
  it('shows name characters as text, words by name, and leaves numeric series to the generic preview', () => {
    const tokens = sequencePreviewOf({
      kind: 'table',
      columns: [],
      rows: [],
      sequence: {
        kind: 'tokens',
        rows: [
          { context: '', next: 'e' },
          { context: 'em', next: 'm' },
          { context: 'emma', next: '.' },
        ],
      },
    })!;
    expect(sequenceTextTable(tokens)).toMatchObject({
      columns: ['Characters so far', 'Next'],
      rows: [
        ['(start)', 'e'],
        ['em', 'm'],
        ['emma', '.'],
      ],
    });
    const contexts = sequencePreviewOf({
      kind: 'table',
      sequence: {
        kind: 'contexts',
        window: 2,
        vocabulary: ['a', 'b'],
        rows: [{ before: ['the', 'red'], after: ['and', 'blue'], candidate: 'green', label: 'centre' }],
      },
    })!;
    const table = sequenceTextTable(contexts)!;
    expect(table.rows).toEqual([['the red ___ and blue', 'green', 'centre']]);
    expect(table.caption).toMatch(/2 words on each side of a hidden centre word/);
    const pairs = sequencePreviewOf({
      kind: 'points',
      sequence: { kind: 'pairs', vocabulary: ['cat'], rows: [{ centre: 'cat', other: 'dog', label: 'context' }] },
    })!;
    expect(sequenceTextTable(pairs)!.rows).toEqual([['cat', 'dog', 'context']]);
    expect(sequenceTextTable(sequencePreviewOf({ sequence: { kind: 'series', features: 1, rows: [] } })!)).toBeNull();
    for (const payload of [
      null,
      { kind: 'table' },
      { sequence: 'x' },
      { sequence: { kind: 'wav', rows: [] } },
      { sequence: { kind: 'tokens' } },
    ]) {
      expect(sequencePreviewOf(payload)).toBeNull();
    }
  });
});

describe('names sampled as training proceeds', () => {
  const insight = (runId: string, epoch: number, samples?: string[]): RunUpdate => ({
    runId,
    kind: 'engine',
    event: { event: 'insight', epoch, ...(samples ? { samples } : {}) },
  });

  it('keeps one list per epoch, in epoch order, a later copy replacing an earlier', () => {
    const merged = mergeEpochSamples(
      [{ epoch: 2, samples: ['b'] }],
      [{ epoch: 1, samples: ['a'] }, { epoch: 3 }, { epoch: 2, samples: ['c'] }],
    );
    expect(merged).toEqual([
      { epoch: 1, samples: ['a'] },
      { epoch: 2, samples: ['c'] },
    ]);
  });

  it('grows from the live updates and adds the stored insights of a run opened later', async () => {
    let push: (u: RunUpdate) => void = () => {};
    const stored: InsightEvent[] = [
      { event: 'insight', epoch: 1, samples: ['ann', 'bo'] },
      { event: 'insight', epoch: 2, histograms: {} },
    ];
    const fake = {
      ...createFakeApi(),
      onRunUpdate: (l: (u: RunUpdate) => void) => ((push = l), () => {}),
      inspect: { insights: async () => stored },
    };
    setApi(fake as unknown as LayerLabApi);
    useEpochSamples.setState({ byRun: {} });
    const stop = subscribeToRunUpdates();
    push(insight('r1', 2, ['anna', 'bob']));
    push(insight('r2', 1, ['x']));
    push(insight('r1', 3));
    await Promise.resolve();
    expect(useEpochSamples.getState().byRun.r1).toEqual([{ epoch: 2, samples: ['anna', 'bob'] }]);
    push(insight('r1', 3, ['anne']));
    await Promise.resolve();
    expect(useEpochSamples.getState().byRun.r1!.map((e) => e.epoch)).toEqual([2, 3]);
    await loadStoredSamples('r1');
    expect(useEpochSamples.getState().byRun.r1!.map((e) => e.samples)).toEqual([['ann', 'bo'], ['anna', 'bob'], ['anne']]);
    expect(useEpochSamples.getState().byRun.r2).toEqual([{ epoch: 1, samples: ['x'] }]);
    stop();
    // A back end without stored insights: nothing to add, no error.
    setApi({ ...createFakeApi(), inspect: undefined } as unknown as LayerLabApi);
    await expect(loadStoredSamples('r9')).resolves.toBeUndefined();
  });

  it('asks a new run for samples only when its dataset is next-character', async () => {
    const starts: Array<InsightRequest | undefined> = [];
    const fake = createFakeApi();
    const start = fake.runs.start;
    fake.runs.start = (graph, options) => {
      starts.push(options?.insights);
      return start(graph, options);
    };
    setApi(fake);
    for (const id of ['char-lstm', 'skipgram']) {
      useRunStore.setState({ runs: [], live: {}, activeRunId: null, viewed: null });
      useGraphStore.getState().load(fromGraphDoc(structuredClone(templateById(id)!.doc)), null);
      await startTraining();
      await useRunStore.getState().stop();
    }
    expect(starts).toEqual([
      { histograms: true, network: true, samples: true },
      { histograms: true, network: true, boundary: true },
    ]);
  });
});
