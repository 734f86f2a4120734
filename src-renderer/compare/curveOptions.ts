// One metric of several runs as an ECharts option: smoothed lines over faint raw ones, best-epoch
// markers, and mean ± std bands for runs that differ only by seed.
import type { LineSeriesOption } from 'echarts/charts';
import type { EChartsOption } from '../charts/echarts';
import { baseOption } from '../charts/chartOptions';
import type { ChartTheme } from '../charts/chartTheme';
import { curve, metricSpec, seedBand, smoothCurve, type ComparedRun, type MetricKey, type XAxis } from './comparison';
import { bestIndex } from './smoothing';

export interface CurveSettings {
  metric: MetricKey;
  axis: XAxis;
  smoothing: number;
  logY: boolean;
  /** Seed groups to draw as bands; their runs are not drawn one by one. */
  bands: ComparedRun[][];
  /** Legend names by run id (defaults to the run names). */
  names?: Record<string, string>;
}

const AXIS_NAMES: Record<XAxis, string> = { epoch: 'epoch', step: 'step', time: 'wall time (s)' };
const pairs = (points: ReadonlyArray<{ x: number; y: number }>): Array<[number, number]> => points.map((p) => [p.x, p.y]);

export function curveOption(theme: ChartTheme, runs: readonly ComparedRun[], s: CurveSettings): EChartsOption {
  const spec = metricSpec(s.metric);
  const percent = spec.percent;
  // The log scale is for losses: accuracy and R² (which can be negative) stay linear.
  const log = s.logY && !spec.higherIsBetter;
  // R² never exceeds 1; a terrible first epoch must not flatten the rest (as on the run's own chart).
  const r2 = s.metric.endsWith('valR2') ? { yMax: 1, yFloor: -1 } : {};
  const option = baseOption(theme, { x: AXIS_NAMES[s.axis], y: spec.label, log, percent, ...r2 });
  const series: LineSeriesOption[] = [];
  const nameOf = (run: ComparedRun) => s.names?.[run.id] ?? run.name;
  const banded = new Set(s.bands.flat().map((r) => r.id));
  runs.forEach((run, i) => {
    if (banded.has(run.id)) return;
    const color = theme.series[i % theme.series.length]!;
    const raw = curve(run, s.metric, s.axis);
    if (!raw.length) return;
    const best = bestIndex(
      raw.map((p) => p.y),
      spec.higherIsBetter,
    );
    if (s.smoothing > 0) {
      series.push({
        type: 'line',
        name: nameOf(run),
        data: pairs(raw),
        showSymbol: false,
        silent: true,
        lineStyle: { width: 1, opacity: 0.25, color },
        itemStyle: { color },
        tooltip: { show: false },
      });
    }
    series.push({
      type: 'line',
      name: nameOf(run),
      data: pairs(s.smoothing > 0 ? smoothCurve(raw, s.smoothing) : raw),
      showSymbol: false,
      lineStyle: { width: 2, color },
      itemStyle: { color },
      markPoint:
        best >= 0
          ? {
              symbol: 'circle',
              symbolSize: 9,
              label: { show: false },
              data: [{ name: 'best', coord: [raw[best]!.x, raw[best]!.y] }],
            }
          : undefined,
    });
  });
  s.bands.forEach((group, g) => {
    const color = theme.series[(runs.length + g) % theme.series.length]!;
    const band = seedBand(group, s.metric);
    if (!band.length) return;
    const base = nameOf(group[0]!).replace(/ · seed \S+|seed \S+ · |^seed \S+$/, '');
    const name = `${base || 'mean'} (${group.length} seeds)`;
    // Losses and accuracies cannot go below 0 (nor accuracies above 1): a band past them would drag the axis there.
    const [floor, ceiling] = bandLimits(s.metric, log);
    const lo = (b: { mean: number; std: number }) => Math.max(floor, b.mean - b.std);
    const hi = (b: { mean: number; std: number }) => Math.min(ceiling, b.mean + b.std);
    const stack = `band-${g}`;
    series.push({
      type: 'line',
      name,
      stack,
      data: band.map((b) => [b.x, lo(b)]),
      showSymbol: false,
      silent: true,
      lineStyle: { opacity: 0 },
      tooltip: { show: false },
    });
    series.push({
      type: 'line',
      name,
      stack,
      data: band.map((b) => [b.x, Math.max(0, hi(b) - lo(b))]),
      showSymbol: false,
      silent: true,
      lineStyle: { opacity: 0 },
      areaStyle: { color, opacity: 0.2 },
      tooltip: { show: false },
    });
    series.push({
      type: 'line',
      name,
      data: band.map((b) => [b.x, b.mean]),
      showSymbol: false,
      lineStyle: { width: 2, color },
      itemStyle: { color },
    });
  });
  return { ...option, series };
}

/** The range a seed band may cover for a metric. */
export function bandLimits(metric: MetricKey, log: boolean): [number, number] {
  if (metric.endsWith('valR2')) return [-Infinity, 1];
  const floor = log ? 1e-12 : 0;
  return metric.endsWith('Acc') ? [floor, 1] : [floor, Infinity];
}

export function pointCount(runs: readonly ComparedRun[], metric: MetricKey): number {
  return runs.reduce((n, r) => n + curve(r, metric, 'epoch').length, 0);
}
