// Regression runs in lists and comparisons (R² instead of accuracy), the canvas zoom keys, and the
// compare charts' legend as buttons.
import { describe, expect, it } from 'vitest';
import type { EpochMetric, RunSummary } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { runMetricsText } from '../../src-renderer/runs/format';
import { keyToCommand } from '../../src-renderer/app/useShortcuts';
import { SHORTCUTS } from '../../src-renderer/ui/shortcuts';
import { comparisonTable, seedGroups, summarizeMetric, type ComparedRun } from '../../src-renderer/compare/comparison';
import { curveOption } from '../../src-renderer/compare/curveOptions';
import { legendEntries, legendSelection } from '../../src-renderer/compare/chartLegend';
import { SERIES_COLORS, type ChartTheme } from '../../src-renderer/charts/chartTheme';

const theme: ChartTheme = {
  text: '#000',
  muted: '#555',
  grid: '#eee',
  axis: '#ccc',
  background: 'transparent',
  tooltipBg: '#fff',
  series: SERIES_COLORS,
};

const summary = (extra: Partial<RunSummary>): RunSummary => ({
  id: 'r',
  name: 'r',
  status: 'completed',
  createdAt: '2025-01-01T00:00:00Z',
  datasetId: 'housing',
  optimizer: 'adam',
  initializer: 'he_normal',
  lr: 0.01,
  seed: 1,
  backend: 'cpu',
  tags: [],
  notes: '',
  epochsDone: 5,
  epochsTotal: 5,
  ...extra,
});

describe('a finished run in the history and the Latest run card', () => {
  it('shows R² for a regression run and accuracy for a classifier', () => {
    expect(runMetricsText(summary({ finalTrainLoss: 0.12345, finalValLoss: 0.2, finalValR2: 0.87654 }))).toBe(
      'loss 0.123 · val 0.200 · R² 0.877',
    );
    expect(runMetricsText(summary({ finalTrainLoss: 0.5, finalValAcc: 0.9667 }))).toBe('loss 0.500 · val acc 96.7%');
    // A negative R² (worse than predicting the mean) is shown as it is.
    expect(runMetricsText(summary({ finalValR2: -0.4 }))).toBe('R² -0.400');
    expect(runMetricsText(summary({}))).toBe('');
  });
});

describe('canvas zoom keys', () => {
  const key = (k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it('zooms in with Ctrl/⌘ and = or +, out with − or _, and fits with 0', () => {
    expect(keyToCommand(key('=', { ctrlKey: true }), false)).toBe('zoomIn');
    expect(keyToCommand(key('+', { ctrlKey: true, shiftKey: true }), false)).toBe('zoomIn');
    expect(keyToCommand(key('=', { metaKey: true }), false)).toBe('zoomIn');
    expect(keyToCommand(key('-', { ctrlKey: true }), false)).toBe('zoomOut');
    expect(keyToCommand(key('_', { ctrlKey: true, shiftKey: true }), false)).toBe('zoomOut');
    expect(keyToCommand(key('0', { metaKey: true }), false)).toBe('fitView');
  });

  it('leaves the keys alone while typing, without Ctrl/⌘, or with Alt', () => {
    expect(keyToCommand(key('=', { ctrlKey: true }), true)).toBeNull();
    expect(keyToCommand(key('-'), false)).toBeNull();
    expect(keyToCommand(key('0'), false)).toBeNull();
    expect(keyToCommand(key('=', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('steers the run with single keys: P, B, E, R and Shift+R, never while typing', () => {
    expect(keyToCommand(key('p'), false)).toBe('playPause');
    expect(keyToCommand(key('b'), false)).toBe('stepBatch');
    expect(keyToCommand(key('e'), false)).toBe('stepEpoch');
    expect(keyToCommand(key('r'), false)).toBe('reinit');
    expect(keyToCommand(key('R', { shiftKey: true }), false)).toBe('reinitNewSeed');
    expect(keyToCommand(key('b'), true)).toBeNull();
    expect(keyToCommand(key('r', { ctrlKey: true }), false)).toBeNull();
    expect([SHORTCUTS.playPause, SHORTCUTS.stepBatch, SHORTCUTS.stepEpoch, SHORTCUTS.reinit, SHORTCUTS.reinitNewSeed]).toEqual([
      'P',
      'B',
      'E',
      'R',
      'Shift+R',
    ]);
  });

  it('names the keys the tooltips show', () => {
    expect(SHORTCUTS.zoomIn).toMatch(/^(Ctrl\+|⌘\+)=$/);
    expect(SHORTCUTS.zoomOut).toMatch(/^(Ctrl\+|⌘\+)−$/);
    expect(SHORTCUTS.zoomFit).toMatch(/^(Ctrl\+|⌘\+)0$/);
  });
});

const graph = (optimizer: string, seed: number): GraphDoc => ({
  format: 'layerlab.graph/1',
  nodes: [{ id: 'input', type: 'Input', params: { shape: [2] } }],
  edges: [],
  training: {
    dataset: 'housing',
    loss: 'mse',
    optimizer: { name: optimizer, lr: 0.1 },
    batchSize: 4,
    epochs: 3,
    seed,
    validationSplit: 0.2,
  },
});

function run(
  id: string,
  optimizer: string,
  seed: number,
  losses: number[],
  extra: (i: number) => Partial<EpochMetric> = () => ({}),
): ComparedRun {
  const g = graph(optimizer, seed);
  const epochs = losses.map((l, i) => ({
    epoch: i + 1,
    step: (i + 1) * 10,
    trainLoss: l,
    valLoss: l * 1.1,
    lr: 0.1,
    elapsedMs: (i + 1) * 500,
    samplesPerSec: 100,
    ...extra(i),
  }));
  return { id, name: `run ${id}`, detail: { graph: g, config: g.training }, epochs };
}

describe('regression runs compared', () => {
  const r2 = [-0.5, 0.6, 0.8];
  const runs = [
    run('a', 'sgd', 1, [1, 0.5, 0.3], (i) => ({ valR2: r2[i] })),
    run('b', 'adam', 1, [1, 0.2, 0.1], (i) => ({ valR2: r2[i]! + 0.1 })),
  ];

  it('puts final and best R² in the table, the best being the highest', () => {
    const table = comparisonTable(runs);
    expect(table.rows[0]!.metrics.valR2).toEqual({ final: 0.8, best: 0.8, bestEpoch: 3 });
    expect(table.rows[1]!.metrics.valAcc).toBeUndefined(); // no accuracy column for regression runs
    expect(summarizeMetric(runs[1]!, 'valR2').final).toBeCloseTo(0.9, 12);
  });

  it('draws R² on a linear axis up to 1, not as a percentage, even with the log scale on', () => {
    const option = curveOption(theme, runs, { metric: 'valR2', axis: 'epoch', smoothing: 0, logY: true, bands: [] });
    const y = option.yAxis as { type: string; max?: number; min?: unknown };
    expect(y.type).toBe('value');
    expect(y.max).toBe(1);
    expect(typeof y.min).toBe('function');
    const loss = curveOption(theme, runs, { metric: 'trainLoss', axis: 'epoch', smoothing: 0, logY: true, bands: [] });
    expect((loss.yAxis as { type: string }).type).toBe('log');
  });
});

describe('compare chart legend as buttons', () => {
  it('has one entry per run, in the run’s colour, though its raw and smoothed lines share the name', () => {
    const runs = [run('a', 'sgd', 1, [1, 0.5]), run('b', 'adam', 1, [2, 1])];
    const option = curveOption(theme, runs, {
      metric: 'trainLoss',
      axis: 'epoch',
      smoothing: 0.6,
      logY: false,
      bands: [],
      names: { a: 'sgd', b: 'adam' },
    });
    expect((option.series as unknown[]).length).toBe(4);
    expect(legendEntries(option)).toEqual([
      { name: 'sgd', color: SERIES_COLORS[0] },
      { name: 'adam', color: SERIES_COLORS[1] },
    ]);
  });

  it('gives a seed band one entry in the band’s colour', () => {
    const runs = [run('a', 'sgd', 1, [1, 0.5]), run('b', 'sgd', 2, [2, 1])];
    const option = curveOption(theme, runs, {
      metric: 'trainLoss',
      axis: 'epoch',
      smoothing: 0,
      logY: false,
      bands: seedGroups(runs),
    });
    const entries = legendEntries(option);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.name).toMatch(/\(2 seeds\)$/);
    expect(entries[0]!.color).toBe(SERIES_COLORS[2]);
  });

  it('turns hidden names into ECharts’ legend selection', () => {
    expect(legendSelection(['sgd', 'adam (2 seeds)'])).toEqual({ sgd: false, 'adam (2 seeds)': false });
    expect(legendSelection([])).toEqual({});
  });
});
