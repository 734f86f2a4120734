// Chart lines longer than a chart is wide are drawn with at most MAX_LINE_POINTS points, chosen by
// Largest-Triangle-Three-Buckets: the ends and the spikes stay.
import { describe, expect, it } from 'vitest';
import { MAX_LINE_POINTS, thinPoints } from '../../src-renderer/charts/thinPoints';
import { lossSeries } from '../../src-renderer/charts/chartOptions';
import { MetricsBuffer } from '../../src-renderer/charts/metricsBuffer';
import type { ChartTheme } from '../../src-renderer/charts/chartTheme';

const curve = (n: number) => Array.from({ length: n }, (_, i): [number, number] => [i + 1, 1 / (1 + i / 50)]);

describe('thin chart lines', () => {
  it('leaves a line that fits alone', () => {
    const data = curve(MAX_LINE_POINTS);
    expect(thinPoints(data)).toBe(data);
  });

  it('keeps at most the limit, in order, with both ends and a one-epoch spike', () => {
    const data = curve(5000);
    data[3210] = [3211, 9];
    const thin = thinPoints(data);
    expect(thin).toHaveLength(MAX_LINE_POINTS);
    expect(thin[0]).toBe(data[0]);
    expect(thin.at(-1)).toBe(data[4999]);
    expect(thin).toContain(data[3210]);
    for (let i = 1; i < thin.length; i++) expect(thin[i]![0]).toBeGreaterThan(thin[i - 1]![0]);
    // Every point is one of the data's own (no averages).
    const original = new Set(data);
    expect(thin.every((p) => original.has(p))).toBe(true);
  });

  it('draws a 5,000-epoch run’s loss with bounded lines', () => {
    const m = new MetricsBuffer();
    for (let epoch = 1; epoch <= 5000; epoch++) {
      m.apply({ event: 'step', step: epoch * 10, epoch, loss: 1 / epoch } as never);
      m.apply({ event: 'epoch', epoch, step: epoch * 10, trainLoss: 1 / epoch, valLoss: 1.1 / epoch, layers: {} } as never);
    }
    const theme = {
      series: Array(10).fill('#000'),
      muted: '#000',
      axis: '#000',
      grid: '#000',
      text: '#000',
    } as unknown as ChartTheme;
    const series = lossSeries(m, theme);
    expect(series.map((s) => (s.data as unknown[]).length)).toEqual([MAX_LINE_POINTS, MAX_LINE_POINTS, MAX_LINE_POINTS]);
  });
});
