// The Compare screen's pure parts: CSV export, seed groups, the differing-settings table, curve options.
import { describe, expect, it } from 'vitest';
import type { EpochMetric } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import {
  comparisonCsv,
  comparisonTable,
  CSV_HEADER,
  curve,
  seedGroups,
  shortNames,
  smoothCurve,
  summarizeMetric,
  type ComparedRun,
} from '../../src-renderer/compare/comparison';
import { curveOption } from '../../src-renderer/compare/curveOptions';
import { SERIES_COLORS, type ChartTheme } from '../../src-renderer/charts/chartTheme';
import { parseNumberList, gridSize } from '../../src-renderer/sweeps/sweepGrid';
import { labPaths } from '../../src-renderer/labs/optimizerLab/labRuns';
import { probeFromPreview, runInitLab } from '../../src-renderer/labs/initLab/probe';
import { pickEpochs } from '../../src-renderer/insight/layerCharts';
import { insightsFor } from '../../src-renderer/insight/insightStore';
import { digitInput } from '../../src-renderer/insight/digitInput';

const theme: ChartTheme = {
  text: '#000',
  muted: '#555',
  grid: '#eee',
  axis: '#ccc',
  background: 'transparent',
  tooltipBg: '#fff',
  series: SERIES_COLORS,
};

const graph = (optimizer: string, seed: number, units = 4): GraphDoc => ({
  format: 'layerlab.graph/1',
  nodes: [
    { id: 'input', type: 'Input', params: { shape: [2] } },
    { id: 'hidden', type: 'Dense', params: { units, activation: 'tanh' } },
  ],
  edges: [{ id: 'e1', source: 'input', target: 'hidden' }],
  training: {
    dataset: 'xor',
    loss: 'cross_entropy',
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
  opts: { units?: number; valAcc?: number[] } = {},
): ComparedRun {
  const g = graph(optimizer, seed, opts.units);
  const epochs: EpochMetric[] = losses.map((l, i) => ({
    epoch: i + 1,
    step: (i + 1) * 10,
    trainLoss: l,
    valLoss: l * 1.1,
    valAcc: opts.valAcc?.[i],
    lr: 0.1,
    elapsedMs: (i + 1) * 500,
    samplesPerSec: 100,
  }));
  return { id, name: `run ${id}`, detail: { graph: g, config: g.training }, epochs };
}

describe('comparisonCsv', () => {
  it('writes one row per run, metric and epoch with raw and smoothed values', () => {
    const runs = [run('a', 'sgd', 1, [1, 0.5, 0.25], { valAcc: [0.5, 0.6, 0.7] }), run('b', 'adam', 1, [2, 1])];
    const csv = comparisonCsv(runs, 0.5);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    // a: 3 train loss + 3 val loss + 3 val acc; b: 2 + 2.
    expect(lines.length - 1).toBe(9 + 4);
    const first = lines[1]!.split(',');
    expect(first.slice(0, 7)).toEqual(['a', 'run a', 'trainLoss', '1', '10', '0.5', '1']);
    // Debiased smoothing: the first smoothed value equals the raw one, the second is between.
    expect(Number(first[7])).toBeCloseTo(1);
    const second = lines[2]!.split(',');
    expect(Number(second[7])).toBeCloseTo((0.5 * 1 * 0.5 + 0.5 * 0.5) / (1 - 0.25));
  });

  it('quotes names that contain commas or quotes', () => {
    const r = run('a', 'sgd', 1, [1]);
    r.name = 'xor, "fast"';
    expect(comparisonCsv([r], 0).split('\n')[1]).toContain('"xor, ""fast"""');
  });
});

describe('comparison table and seed groups', () => {
  it('shows only the settings that differ, with final and best metrics', () => {
    const table = comparisonTable([run('a', 'sgd', 1, [1, 0.2, 0.4]), run('b', 'adam', 2, [0.9, 0.8])]);
    expect(table.keys).toEqual(['training.optimizer.name', 'training.seed']);
    expect(table.rows[0]!.metrics.trainLoss).toEqual({ final: 0.4, best: 0.2, bestEpoch: 2 });
    expect(table.rows[1]!.values['training.optimizer.name']).toBe('adam');
  });

  it('includes layer parameters when architectures differ', () => {
    const table = comparisonTable([run('a', 'sgd', 1, [1]), run('b', 'sgd', 1, [1], { units: 8 })]);
    expect(table.keys).toEqual(['layers.hidden.units']);
  });

  it('groups runs that differ only by seed', () => {
    const groups = seedGroups([
      run('a', 'sgd', 1, [1]),
      run('b', 'sgd', 2, [2]),
      run('c', 'adam', 3, [1]),
      run('d', 'adam', 4, [1], { units: 8 }),
    ]);
    expect(groups.map((g) => g.map((r) => r.id))).toEqual([['a', 'b']]);
  });

  it('names runs by the settings that differ', () => {
    expect(shortNames([run('a', 'sgd', 1, [1]), run('b', 'adam', 2, [1])])).toEqual({ a: 'sgd · seed 1', b: 'adam · seed 2' });
    expect(shortNames([run('a', 'sgd', 1, [1]), run('b', 'sgd', 1, [1])])).toEqual({ a: 'run a', b: 'run b' });
  });

  it('keeps accuracy best as the highest value', () => {
    expect(summarizeMetric(run('a', 'sgd', 1, [1, 1, 1], { valAcc: [0.2, 0.9, 0.5] }), 'valAcc')).toEqual({
      final: 0.5,
      best: 0.9,
      bestEpoch: 2,
    });
  });
});

describe('curves', () => {
  it('reads x as epoch, step or wall time in seconds', () => {
    const r = run('a', 'sgd', 1, [1, 0.5]);
    expect(curve(r, 'trainLoss', 'epoch').map((p) => p.x)).toEqual([1, 2]);
    expect(curve(r, 'trainLoss', 'step').map((p) => p.x)).toEqual([10, 20]);
    expect(curve(r, 'trainLoss', 'time').map((p) => p.x)).toEqual([0.5, 1]);
    expect(smoothCurve(curve(r, 'trainLoss', 'epoch'), 0)).toEqual(curve(r, 'trainLoss', 'epoch'));
  });

  it('draws a faint raw line behind each smoothed line, a best marker, and bands for seed groups', () => {
    const runs = [run('a', 'sgd', 1, [1, 0.5]), run('b', 'sgd', 2, [2, 1]), run('c', 'adam', 1, [1, 0.1])];
    const option = curveOption(theme, runs, {
      metric: 'trainLoss',
      axis: 'epoch',
      smoothing: 0.5,
      logY: true,
      bands: seedGroups(runs),
    });
    const series = option.series as Array<{
      name: string;
      lineStyle?: { opacity?: number };
      areaStyle?: unknown;
      markPoint?: { data: Array<{ coord: number[] }> };
      data: number[][];
    }>;
    // c: raw + smoothed; the a/b group: lower, width (filled) and mean.
    expect(series).toHaveLength(5);
    expect(series[0]!.lineStyle?.opacity).toBeLessThan(0.5);
    expect(series[1]!.markPoint?.data[0]!.coord).toEqual([2, 0.1]);
    expect(series[3]!.areaStyle).toBeDefined();
    expect(series[4]!.data).toEqual([
      [1, 1.5],
      [2, 0.75],
    ]);
    expect((option.yAxis as { type: string }).type).toBe('log');
  });
});

describe('seed bands (issue #16)', () => {
  it('keep a loss band at or above 0 and an accuracy band within [0, 1]', () => {
    const runs = [run('a', 'sgd', 1, [0.05, 0.04]), run('b', 'sgd', 2, [2, 1.5])];
    const option = curveOption(theme, runs, {
      metric: 'trainLoss',
      axis: 'epoch',
      smoothing: 0,
      logY: false,
      bands: seedGroups(runs),
    });
    const series = option.series as Array<{ data: number[][] }>;
    const [lower, width, mean] = series;
    for (const [, y] of lower!.data) expect(y).toBeGreaterThanOrEqual(0);
    // The band still reaches mean + std above.
    expect(lower!.data[0]![1]! + width!.data[0]![1]!).toBeGreaterThan(mean!.data[0]![1]!);
  });
});

describe('sweep builder fields', () => {
  it('parses comma lists and names the bad value', () => {
    expect(parseNumberList('0.1, 0.01 0.1', 'Learning rates', { positive: true })).toEqual({ ok: true, values: [0.1, 0.01] });
    expect(parseNumberList('1, x', 'Seeds', { integer: true })).toEqual({ ok: false, error: 'Seeds: “x” is not a number' });
    expect(parseNumberList('1.5', 'Seeds', { integer: true }).ok).toBe(false);
    expect(parseNumberList('', 'Seeds').ok).toBe(false);
    expect(gridSize({ optimizers: ['sgd', 'adam'], initializers: ['he_normal', 'zeros'], seeds: [1, 2, 3] })).toBe(12);
  });
});

describe('optimizer lab paths', () => {
  it('shows momentum far ahead of SGD along the elongated valley', () => {
    const paths = labPaths('elongated', ['sgd', 'momentum', 'adam'], 0.1, 100);
    expect(paths.map((p) => p.optimizer)).toEqual(['sgd', 'momentum', 'adam']);
    const final = Object.fromEntries(paths.map((p) => [p.optimizer, p.points[p.points.length - 1]!.f]));
    expect(paths[0]!.points).toHaveLength(101);
    expect(final.momentum!).toBeLessThan(final.sgd! / 10);
    expect(paths.every((p) => !p.diverged)).toBe(true);
  });

  it('marks a path that runs away as diverged', () => {
    const [sgd] = labPaths('elongated', ['sgd'], 5, 50);
    expect(sgd!.diverged).toBe(true);
  });
});

describe('initialization lab', () => {
  const points = {
    kind: 'points' as const,
    points: Array.from({ length: 64 }, (_, i) => ({ x: Math.cos(i), y: Math.sin(i * 1.3), label: i % 2 })),
  };

  it('turns a preview into a probe batch, refusing samples that do not fit the input', () => {
    const probe = probeFromPreview(points, [2]);
    expect('error' in probe ? probe.error : probe.count).toBe(64);
    expect(probeFromPreview(points, [4])).toEqual({ error: 'the dataset preview has no samples of 4 numbers to feed the input' });
    const images = probeFromPreview(
      { kind: 'images', width: 2, height: 1, channels: 1, images: [{ pixels: [0, 255], label: 0 }] },
      [1, 2, 1],
    );
    expect('x' in images && [...images.x]).toEqual([0, 1]);
  });

  it('gives zero variance under zeros and a steady spread under he_normal', () => {
    const doc = graph('sgd', 1, 16);
    doc.nodes.push({ id: 'out', type: 'Dense', params: { units: 2, activation: 'softmax' } });
    doc.edges.push({ id: 'e2', source: 'hidden', target: 'out' });
    const probe = probeFromPreview(points, [2]);
    if ('error' in probe) throw new Error(probe.error);
    const rows = runInitLab(doc, { task: 'classification', inputShape: [2], targetShape: [1], classCount: 2 }, probe);
    if ('error' in rows) throw new Error(rows.error);
    expect(rows.map((r) => r.initializer)).toEqual([
      'zeros',
      'normal',
      'xavier_uniform',
      'he_normal',
      'he_uniform',
      'orthogonal',
    ]);
    expect(rows[0]!.layers.find((l) => l.nodeId === 'hidden')!.variance).toBe(0);
    expect(rows[3]!.layers.find((l) => l.nodeId === 'hidden')!.variance).toBeGreaterThan(0.01);
  });

  it('names the graph problem when the graph cannot run', () => {
    const doc = graph('sgd', 1);
    doc.edges = [];
    const probe = probeFromPreview(points, [2]);
    if ('error' in probe) throw new Error(probe.error);
    const result = runInitLab(doc, { task: 'classification', inputShape: [2], targetShape: [1], classCount: 2 }, probe);
    expect('error' in result && result.error).toMatch(/^the graph cannot run yet: /);
  });
});

describe('looking inside', () => {
  it('asks for the boundary only for 2-D inputs', () => {
    expect(insightsFor([2])).toEqual({ histograms: true, network: true, boundary: true });
    expect(insightsFor([28, 28, 1])).toEqual({ histograms: true, network: true });
    expect(insightsFor(undefined)).toEqual({ histograms: true, network: true });
  });

  it('picks epochs spread over the run, with the first and the last', () => {
    expect(pickEpochs([1, 2, 3])).toEqual([1, 2, 3]);
    expect(pickEpochs(Array.from({ length: 10 }, (_, i) => i + 1))).toEqual([1, 4, 7, 10]);
  });
});

describe('drawing pad input', () => {
  it('scales the ink to a 20-pixel box centred in 28 × 28', () => {
    const w = 100;
    const ink = new Float32Array(w * w);
    // A vertical bar 10 wide, 60 tall, near the top-left corner.
    for (let y = 5; y < 65; y++) for (let x = 5; x < 15; x++) ink[y * w + x] = 1;
    const out = digitInput(ink, w, w);
    const rows = Array.from({ length: 28 }, (_, y) => Array.from({ length: 28 }, (_, x) => out[y * 28 + x]!));
    const inkRows = rows.map((r, y) => (r.some((v) => v > 0) ? y : -1)).filter((y) => y >= 0);
    const inkCols = Array.from({ length: 28 }, (_, x) => (rows.some((r) => r[x]! > 0) ? x : -1)).filter((x) => x >= 0);
    expect(inkRows[0]).toBe(4);
    expect(inkRows[inkRows.length - 1]).toBe(23);
    expect(inkCols.length).toBeGreaterThanOrEqual(3);
    expect(Math.abs((inkCols[0]! + inkCols[inkCols.length - 1]!) / 2 - 13.5)).toBeLessThan(1.5);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
  });

  it('returns a blank input for a blank pad', () => {
    expect(digitInput(new Float32Array(400), 20, 20).every((v) => v === 0)).toBe(true);
  });
});
