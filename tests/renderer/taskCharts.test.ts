// Task-specific charts: R² for regression runs, validation accuracy per class named by the
// dataset's classes, and both drawn the same live and from the database.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { RunMetrics } from '../../src-shared/api';
import { MetricsBuffer } from '../../src-renderer/charts/metricsBuffer';
import { baseOption } from '../../src-renderer/charts/chartOptions';
import { classAccuracySeries, classLabel, r2Series } from '../../src-renderer/charts/taskSeries';
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

function epoch(n: number, extra: Partial<Extract<EngineEvent, { event: 'epoch' }>>): Extract<EngineEvent, { event: 'epoch' }> {
  return {
    event: 'epoch',
    epoch: n,
    step: n * 5,
    trainLoss: 1 / n,
    lr: 0.1,
    elapsedMs: n,
    samplesPerSec: 100,
    layers: {},
    ...extra,
  };
}

const buffer = (events: EngineEvent[]) => {
  const b = new MetricsBuffer();
  for (const e of events) b.apply(e);
  return b;
};

describe('R² chart (regression)', () => {
  it('draws validation R² per epoch with a reference line at 0', () => {
    const b = buffer([
      epoch(1, { valLoss: 2, valR2: -0.4 }),
      epoch(2, { valLoss: 1, valR2: 0.5 }),
      epoch(3, { valLoss: 0.5, valR2: 0.83 }),
    ]);
    const [series, ...rest] = r2Series(b, theme);
    expect(rest).toEqual([]);
    expect(series.name).toBe('validation R²');
    expect(series.data).toEqual([
      [1, -0.4],
      [2, 0.5],
      [3, 0.83],
    ]);
    expect(series.markLine?.data).toEqual([{ yAxis: 0 }]);
  });

  it('has nothing to draw for a classifier or before the first epoch', () => {
    expect(r2Series(buffer([]), theme)).toEqual([]);
    expect(r2Series(buffer([epoch(1, { valAcc: 0.8 })]), theme)).toEqual([]);
  });

  it('caps the axis at 1 and does not let a terrible first epoch flatten the rest', () => {
    const y = baseOption(theme, { x: 'epoch', y: 'R²', yMax: 1, yFloor: -1 }).yAxis as {
      max: number;
      min: (r: { min: number }) => number;
    };
    expect(y.max).toBe(1);
    expect(y.min({ min: -37 })).toBe(-1);
    expect(y.min({ min: -0.43 })).toBe(-0.5);
    // The 0 line stays in view when every epoch is above it.
    expect(y.min({ min: 0.6 })).toBe(0);
  });
});

describe('per-class accuracy chart (classification)', () => {
  const iris = ['setosa', 'versicolor', 'virginica'];
  const events = [epoch(1, { valAcc: 0.6, valClassAcc: [1, 0.4, 0.3] }), epoch(2, { valAcc: 0.9, valClassAcc: [1, 0.8, NaN] })];

  it('names one series per class after the dataset, in class order', () => {
    const series = classAccuracySeries(buffer(events), theme, iris);
    expect(series.map((s) => s.name)).toEqual(iris);
    expect(series.map((s) => s.id)).toEqual(['class:0', 'class:1', 'class:2']);
    expect(series[1].data).toEqual([
      [1, 0.4],
      [2, 0.8],
    ]);
    // A class without validation samples in an epoch has no point there.
    expect(series[2].data).toEqual([[1, 0.3]]);
    // Each class keeps its colour.
    expect(series.map((s) => s.color)).toEqual(SERIES_COLORS.slice(0, 3));
  });

  it('falls back to "class i" without names and makes bare numbers readable', () => {
    expect(classAccuracySeries(buffer(events), theme, undefined).map((s) => s.name)).toEqual(['class 0', 'class 1', 'class 2']);
    expect(classLabel(3, ['0', '1', '2', '3'])).toBe('class 3');
    expect(classLabel(1, ['cat'])).toBe('class 1');
    expect(classLabel(0, ['cat'])).toBe('cat');
  });

  it('is empty when the engine sends no per-class accuracy', () => {
    expect(classAccuracySeries(buffer([epoch(1, { valAcc: 0.5 })]), theme, iris)).toEqual([]);
  });

  it('draws the same series live and from the database', () => {
    const all = [...events, epoch(3, { valLoss: 0.2, valR2: 0.9 })];
    const stored: RunMetrics = {
      steps: [],
      layers: [],
      epochs: all.map((e) => ({
        epoch: e.epoch,
        step: e.step,
        trainLoss: e.trainLoss,
        valAcc: e.valAcc,
        valR2: e.valR2,
        valClassAcc: e.valClassAcc,
        lr: e.lr,
        elapsedMs: e.elapsedMs,
        samplesPerSec: e.samplesPerSec,
      })),
    };
    const live = buffer(all);
    const reopened = MetricsBuffer.fromRunMetrics(stored);
    expect(classAccuracySeries(reopened, theme, iris)).toEqual(classAccuracySeries(live, theme, iris));
    expect(r2Series(reopened, theme)).toEqual(r2Series(live, theme));
  });
});
