// Multi-output runs on the charts and in Compare: each output's loss and score as its own
// series, named by its node, the same live and from the database.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { EpochMetric } from '../../src-shared/api';
import { MetricsBuffer } from '../../src-renderer/charts/metricsBuffer';
import { hasOutputs, outputLossSeries, outputScoreSeries } from '../../src-renderer/charts/outputSeries';
import { SERIES_COLORS, type ChartTheme } from '../../src-renderer/charts/chartTheme';
import { comparisonCsv, curve, metricsOf, summarizeMetric, type ComparedRun } from '../../src-renderer/compare/comparison';
import { curveOption } from '../../src-renderer/compare/curveOptions';

const theme: ChartTheme = {
  text: '#000',
  muted: '#555',
  grid: '#eee',
  axis: '#ccc',
  background: 'transparent',
  tooltipBg: '#fff',
  series: SERIES_COLORS,
};

function epoch(n: number): Extract<EngineEvent, { event: 'epoch' }> {
  return {
    event: 'epoch',
    epoch: n,
    step: n * 5,
    trainLoss: 2 / n,
    valLoss: 2.2 / n,
    outputs: {
      class: { trainLoss: 1 / n, trainAcc: 0.5 + n / 10, valLoss: 1.1 / n, valAcc: 0.4 + n / 10 },
      box: { trainLoss: 0.25 / n, trainR2: n / 4, valLoss: 0.3 / n, valR2: n / 5, valMae: 0.1 / n },
    },
    lr: 0.1,
    elapsedMs: n,
    samplesPerSec: 100,
    layers: {},
  };
}

describe('per-output charts', () => {
  const live = new MetricsBuffer();
  [1, 2, 3].forEach((n) => live.apply(epoch(n)));

  it('draws each output’s loss and score, train solid and validation dashed', () => {
    expect(hasOutputs(live)).toBe(true);
    const loss = outputLossSeries(live, theme, (id) => id.toUpperCase());
    expect(loss.map((s) => s.name)).toEqual(['CLASS train', 'CLASS val', 'BOX train', 'BOX val']);
    expect(loss[3].data).toEqual([1, 2, 3].map((n) => [n, 0.3 / n]));
    expect(loss[1].lineStyle).toMatchObject({ type: 'dashed' });
    const score = outputScoreSeries(live, theme, (id) => id);
    expect(score.map((s) => s.name)).toEqual(['class train accuracy', 'class val accuracy', 'box train R²', 'box val R²']);
  });

  it('reads the same from the database as live', () => {
    const { event: _e, layers: _l, ...stored } = epoch(2);
    const reopened = MetricsBuffer.fromRunMetrics({ epochs: [stored], steps: [], layers: [] });
    expect(outputLossSeries(reopened, theme, (id) => id)[0].data).toEqual([[2, 0.5]]);
  });
});

describe('comparing multi-output runs', () => {
  const run = (id: string, scale: number): ComparedRun => ({
    id,
    name: id,
    detail: {
      config: {} as ComparedRun['detail']['config'],
      graph: { format: 'layerlab.graph/1', nodes: [], edges: [] } as never,
    },
    epochs: [1, 2].map((n): EpochMetric => {
      const { event: _e, layers: _l, ...m } = epoch(n);
      return { ...m, outputs: { box: { ...m.outputs!.box, valR2: m.outputs!.box.valR2! * scale } } };
    }),
  });
  const runs = [run('a', 1), run('b', 2)];

  it('offers each output’s figures as metrics, labelled by the output', () => {
    const keys = metricsOf(runs).map((m) => [m.key, m.label]);
    expect(keys).toContainEqual(['output:box:valR2', 'box: validation r²']);
    expect(keys).toContainEqual(['output:box:valLoss', 'box: validation loss']);
    expect(keys.some(([k]) => k.startsWith('output:class'))).toBe(false);
  });

  it('draws, summarizes and exports an output’s curve', () => {
    expect(curve(runs[1], 'output:box:valR2', 'epoch')).toEqual([
      { x: 1, y: 0.4 },
      { x: 2, y: 0.8 },
    ]);
    expect(summarizeMetric(runs[0], 'output:box:valR2')).toEqual({ final: 0.4, best: 0.4, bestEpoch: 2 });
    const option = curveOption(theme, runs, { metric: 'output:box:valR2', axis: 'epoch', smoothing: 0, logY: false, bands: [] });
    expect((option.series as unknown[]).length).toBe(2);
    expect(comparisonCsv(runs, 0)).toContain('a,a,output:box:valR2,2,10,0.002,0.4,0.4');
  });
});
