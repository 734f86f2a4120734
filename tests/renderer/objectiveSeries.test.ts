// With L1/L2 on, the loss chart draws the objective J = L + R(W) as a second, dotted series next
// to each loss, live and from the database alike; without penalties it draws none.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src-shared/engineEvents';
import { MetricsBuffer } from '../../src-renderer/charts/metricsBuffer';
import { lossSeries } from '../../src-renderer/charts/chartOptions';
import { SERIES_COLORS, type ChartTheme } from '../../src-renderer/charts/chartTheme';
import { metricsOf, metricValue, type ComparedRun } from '../../src-renderer/compare/comparison';
import type { EpochMetric } from '../../src-shared/api';

const theme: ChartTheme = {
  text: '#000',
  muted: '#555',
  grid: '#eee',
  axis: '#ccc',
  background: 'transparent',
  tooltipBg: '#fff',
  series: SERIES_COLORS,
};

function epoch(n: number, penalty?: number): EngineEvent {
  return {
    event: 'epoch',
    epoch: n,
    step: n * 10,
    trainLoss: 1 / n,
    valLoss: 1.2 / n,
    ...(penalty !== undefined ? { trainObjective: 1 / n + penalty, valObjective: 1.2 / n + penalty } : {}),
    lr: 0.1,
    elapsedMs: 10,
    samplesPerSec: 1000,
    layers: {},
  };
}

describe('objective series', () => {
  it('draws J = L + R(W) dotted in its loss’s colour, from live events and stored metrics alike', () => {
    const live = new MetricsBuffer();
    for (let e = 1; e <= 3; e++) live.apply(epoch(e, 0.25));
    const series = lossSeries(live, theme);
    const train = series.find((s) => s.id === 'trainObjective')!;
    const val = series.find((s) => s.id === 'valObjective')!;
    expect(train.data).toEqual([
      [10, 1.25],
      [20, 0.75],
      [30, 1 / 3 + 0.25],
    ]);
    expect(val.data).toEqual([
      [10, 1.45],
      [20, 0.85],
      [30, 1.2 / 3 + 0.25],
    ]);
    expect((train.lineStyle as { type: string }).type).toBe('dotted');
    expect(train.color).toBe(series.find((s) => s.id === 'train')!.color);
    const stored = MetricsBuffer.fromRunMetrics({ epochs: live.epochs, steps: [], layers: [] });
    expect(lossSeries(stored, theme).map((s) => [s.id, s.data])).toEqual(series.map((s) => [s.id, s.data]));
  });

  it('draws no objective without penalties', () => {
    const plain = new MetricsBuffer();
    for (let e = 1; e <= 3; e++) plain.apply(epoch(e));
    expect(lossSeries(plain, theme).map((s) => s.id)).toEqual(['steps', 'train', 'val']);
  });
});

describe('Compare offers the objective and the prediction entropy', () => {
  const compared = (epochs: EpochMetric[]): Pick<ComparedRun, 'epochs'> => ({ epochs });
  const row = (e: Partial<EpochMetric>): EpochMetric => ({
    epoch: 1,
    step: 10,
    trainLoss: 0.5,
    lr: 0.1,
    elapsedMs: 10,
    samplesPerSec: 1,
    ...e,
  });

  it('lists J = L + R(W) and entropy only for runs that recorded them', () => {
    const keys = (e: Partial<EpochMetric>) => metricsOf([compared([row(e)])]).map((m) => m.key);
    expect(keys({ valLoss: 0.6 })).toEqual(['trainLoss', 'valLoss']);
    expect(keys({ trainObjective: 0.7, valObjective: 0.8, valEntropy: 0.3 })).toEqual([
      'trainLoss',
      'trainObjective',
      'valObjective',
      'valEntropy',
    ]);
    const entropy = metricsOf([compared([row({ valEntropy: 0.3 })])]).find((m) => m.key === 'valEntropy')!;
    expect(entropy.label).toBe('Validation prediction entropy');
    expect(metricValue(row({ valEntropy: 0.3 }), 'valEntropy')).toBe(0.3);
  });
});
