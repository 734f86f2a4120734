// The Sequences screen's logic: text ↔ token ids, which runs it offers, and sampling and gate traces
// on a model built from the char-LSTM and adding templates.
import { describe, expect, it } from 'vitest';
import { decodeTokens, displayName, textToTokenIds, tokenLabels } from '../../src-renderer/sequences/tokens';
import { addingSample, canSampleText, recurrentNodes, sampleNames, shownSeries, traceGates } from '../../src-renderer/sequences/sequenceModel';
import { sequenceRuns, isSequenceDataset } from '../../src-renderer/sequences/sequenceRuns';
import { heatmapCells, showStepLabel, valueRange } from '../../src-renderer/sequences/heatmapOption';
import { templateById } from '../../src-renderer/templates/templates';
import { validateGraph } from '../../src-engine/graph/validate';
import { Model } from '../../src-engine/graph/model';
import { catalogueEntry } from '../../src-engine/data/catalogue';
import type { RunSummary } from '../../src-shared/api';
import { withBackend } from '../../src-engine/core/backend';
import { CpuBackend, registerCpuKernels } from '../../src-engine/kernels/cpu';

const VOCAB = catalogueEntry('names')!.classNames!;

function modelOf(templateId: string): { model: Model; inputShape: number[] } {
  const doc = templateById(templateId)!.doc;
  const ds = catalogueEntry(doc.training.dataset)!;
  const v = validateGraph(doc, { task: ds.task, inputShape: ds.inputShape, targetShape: ds.targetShape, classCount: ds.classNames?.length });
  if (!v.ok) throw new Error(v.issues[0]!.message);
  registerCpuKernels();
  const model = withBackend(new CpuBackend('float32'), () => new Model(v.validated, 1));
  return { model, inputShape: ds.inputShape };
}

describe('text to token ids', () => {
  it('pads a prefix on the left with the boundary and keeps the last `window` characters', () => {
    expect(VOCAB.slice(0, 3)).toEqual(['.', '-', 'a']);
    expect(textToTokenIds('ab', VOCAB, 4)).toEqual({ ok: true, ids: [0, 0, 2, 3] });
    expect(textToTokenIds('Emma', VOCAB, 3)).toEqual({ ok: true, ids: [VOCAB.indexOf('m'), VOCAB.indexOf('m'), VOCAB.indexOf('a')] });
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
  it('lists finished runs on sequence datasets, the active one first', () => {
    const runs = [run('a', 'names', 'completed'), run('b', 'moons', 'completed'), run('c', 'adding:length=100', 'completed'), run('d', 'names', 'running'), run('e', 'adding', 'failed')];
    expect(sequenceRuns(runs, null).map((r) => r.id)).toEqual(['a', 'c']);
    expect(sequenceRuns(runs, 'c').map((r) => r.id)).toEqual(['c', 'a']);
    expect(isSequenceDataset('sine-seq')).toBe(true);
    expect(isSequenceDataset('mnist')).toBe(false);
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
    expect(sampleNames(model, VOCAB, { count: 3, temperature: 1, seed: 3, prefix: 'jo' }).every((n) => n.startsWith('jo'))).toBe(true);
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
    expect(heatmapCells([[1, 2], [3, 4]])).toEqual([[0, 0, 1], [0, 1, 2], [1, 0, 3], [1, 1, 4]]);
  });
});
