// Chart options for looking inside: one layer's histogram, and gradient norm by depth over epochs.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { EChartsOption } from '../charts/echarts';
import type { HistogramData } from '../../src-shared/engineEvents';
import type { LayerMetric } from '../../src-shared/api';
import { baseOption } from '../charts/chartOptions';
import type { ChartTheme } from '../charts/chartTheme';

export function histogramOption(theme: ChartTheme, h: HistogramData, color: string): EChartsOption {
  const base = baseOption(theme, { x: 'value', y: 'count' });
  const centers = h.counts.map((_, i) => (h.edges[i]! + h.edges[i + 1]!) / 2);
  const series: BarSeriesOption = {
    type: 'bar',
    data: centers.map((c, i) => [c, h.counts[i]!]),
    barWidth: '95%',
    itemStyle: { color },
  };
  return {
    ...base,
    legend: { show: false },
    grid: { left: 44, right: 10, top: 10, bottom: 36 },
    xAxis: { ...(base.xAxis as object), min: h.min, max: h.max, minInterval: 0 },
    yAxis: { ...(base.yAxis as object), min: 0 },
    series: [series],
  };
}

/** Up to `count` epochs spread over the run, always with the first and the last. */
export function pickEpochs(epochs: readonly number[], count = 4): number[] {
  const sorted = [...new Set(epochs)].sort((a, b) => a - b);
  if (sorted.length <= count) return sorted;
  return [...new Set(Array.from({ length: count }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (count - 1))]!))];
}

/** x = layer order in the graph, y = gradient norm (log), one line per chosen epoch. */
export function gradNormOption(theme: ChartTheme, layers: readonly LayerMetric[], order: readonly string[]): EChartsOption {
  const withGrad = order.filter((id) => layers.some((l) => l.nodeId === id && l.gradNorm !== undefined && l.gradNorm > 0));
  const epochs = pickEpochs(layers.map((l) => l.epoch));
  const base = baseOption(theme, { x: 'layer (input → output)', y: 'gradient norm', log: true });
  const series: LineSeriesOption[] = epochs.map((epoch) => ({
    type: 'line',
    name: `epoch ${epoch}`,
    data: withGrad.map((id) => layers.find((l) => l.epoch === epoch && l.nodeId === id)?.gradNorm ?? null),
    symbolSize: 6,
  }));
  return { ...base, xAxis: { type: 'category', data: withGrad, axisLabel: { color: theme.muted, fontSize: 10 } }, series };
}
