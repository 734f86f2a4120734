// The four run charts as ECharts options, built from a MetricsBuffer. The same builders serve
// live runs and runs reopened from the database, so both look the same.
import type { LineSeriesOption } from 'echarts/charts';
import type { EChartsOption } from './echarts';
import type { ChartTheme } from './chartTheme';
import type { MetricsBuffer } from './metricsBuffer';
import { thinPoints } from './thinPoints';

export interface AxisSpec {
  x: string;
  /** Shown in the tooltip; the chart's title names the quantity. */
  y: string;
  /** Where the x axis starts (default: the first point). */
  xMin?: number;
  log?: boolean;
  percent?: boolean;
  /** Upper end of the y axis (R² never exceeds 1). */
  yMax?: number;
  /** The y axis starts at the data's minimum but not below this (a terrible first epoch would flatten the rest). */
  yFloor?: number;
}

/** X axes that count whole things (the tooltip names them). */
const COUNTED = new Set(['epoch', 'step']);

export function baseOption(theme: ChartTheme, axes: AxisSpec): EChartsOption {
  const axisCommon = {
    nameTextStyle: { color: theme.muted, fontSize: 11 },
    axisLabel: { color: theme.muted, fontSize: 10 },
    axisLine: { lineStyle: { color: theme.axis } },
    axisTick: { lineStyle: { color: theme.axis } },
    splitLine: { lineStyle: { color: theme.grid } },
  };
  return {
    animation: false,
    backgroundColor: theme.background,
    color: theme.series,
    textStyle: { fontFamily: 'inherit', color: theme.text },
    // Title and tools sit at the top left; the legend goes under the x axis so they never collide.
    // The margins hold the axis labels: no need for ECharts to measure them into the layout again
    // at every redraw (its default 'auto' bounds cost a fifth of a live chart's update).
    grid: { left: 50, right: 18, top: 34, bottom: 54, outerBoundsMode: 'none' },
    legend: {
      bottom: 2,
      left: 'center',
      itemWidth: 14,
      itemHeight: 8,
      itemGap: 12,
      textStyle: { color: theme.muted, fontSize: 10.5 },
      type: 'scroll',
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.tooltipBg,
      borderColor: theme.axis,
      textStyle: { color: theme.text, fontSize: 11 },
      valueFormatter: (v) => formatValue(v, axes.percent),
    },
    xAxis: {
      type: 'value',
      name: axes.x,
      nameLocation: 'middle',
      nameGap: 22,
      minInterval: 1,
      scale: false,
      min: axes.xMin ?? 'dataMin',
      ...axisCommon,
      // The tooltip's heading reads "epoch 18" rather than a bare "18.00".
      ...(COUNTED.has(axes.x)
        ? {
            axisPointer: {
              label: {
                formatter: ({ value }: { value: unknown }) => `${axes.x} ${Math.round(Number(value)).toLocaleString('en-US')}`,
              },
            },
          }
        : {}),
    },
    yAxis: {
      type: axes.log ? 'log' : 'value',
      scale: !axes.percent,
      ...axisCommon,
      ...(axes.percent
        ? { min: 0, max: 1, axisLabel: { ...axisCommon.axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` } }
        : { axisLabel: { ...axisCommon.axisLabel, formatter: (v: number) => shortAxis(v) } }),
      ...(axes.yMax !== undefined ? { max: axes.yMax } : {}),
      ...(axes.yFloor !== undefined ? { min: flooredMin(axes.yFloor) } : {}),
    },
    series: [],
  };
}

/** The data's minimum rounded down to a tenth, between `floor` and 0, so the 0 line is always in view. */
function flooredMin(floor: number) {
  return (range: { min: number }) => Math.min(0, Math.max(floor, Math.floor(range.min * 10) / 10));
}

/** An axis label: three significant digits at most, trailing zeros dropped. Exponents keep their
 *  digits too (toExponential(0) printed 1.5e-4 and 2e-4 both as "2e-4"). */
export function shortAxis(v: number): string {
  const abs = Math.abs(v);
  const rounded = Number(v.toPrecision(3));
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e4)) return rounded.toExponential().replace('e+', 'e');
  return String(rounded);
}

function formatValue(v: unknown, percent?: boolean): string {
  if (typeof v !== 'number') return String(v ?? '');
  if (percent) return `${(v * 100).toFixed(1)}%`;
  const abs = Math.abs(v);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e4) ? v.toExponential(2) : v.toPrecision(4);
}

export const line = (
  id: string,
  name: string,
  data: Array<[number, number]>,
  extra: Partial<LineSeriesOption> = {},
): LineSeriesOption => ({
  id,
  name,
  type: 'line',
  data: thinPoints(data),
  showSymbol: data.length < 40,
  symbolSize: 5,
  lineStyle: { width: 2 },
  emphasis: { disabled: true },
  ...extra,
});

export function lossSeries(m: MetricsBuffer, theme: ChartTheme): LineSeriesOption[] {
  const epochs = m.epochs;
  const series: LineSeriesOption[] = [
    line('steps', 'batch loss', m.steps.points(), {
      showSymbol: false,
      lineStyle: { width: 1, opacity: 0.45 },
      color: theme.series[8],
      z: 1,
    }),
    line(
      'train',
      'train loss',
      epochs.map((e) => [e.step, e.trainLoss]),
      { color: theme.series[0], z: 3 },
    ),
  ];
  if (epochs.some((e) => e.valLoss !== undefined)) {
    series.push(
      line(
        'val',
        'validation loss',
        pairs(
          epochs,
          (e) => e.step,
          (e) => e.valLoss,
        ),
        { color: theme.series[1], lineStyle: { width: 2, type: 'dashed' }, z: 3 },
      ),
    );
  }
  series.push(...objectiveSeries(m, theme));
  return series;
}

/**
 * With L1/L2 on, the objective J = L + R(W) that gradient descent minimises, dotted in the colour
 * of its loss: the gap between the two lines is the penalty R(W).
 */
function objectiveSeries(m: MetricsBuffer, theme: ChartTheme): LineSeriesOption[] {
  const epochs = m.epochs;
  const dotted = { width: 2, type: 'dotted' as const };
  const series: LineSeriesOption[] = [];
  if (epochs.some((e) => e.trainObjective !== undefined))
    series.push(
      line(
        'trainObjective',
        'train J = L + R(W)',
        pairs(
          epochs,
          (e) => e.step,
          (e) => e.trainObjective,
        ),
        { color: theme.series[0], lineStyle: dotted, z: 2 },
      ),
    );
  if (epochs.some((e) => e.valObjective !== undefined))
    series.push(
      line(
        'valObjective',
        'validation J',
        pairs(
          epochs,
          (e) => e.step,
          (e) => e.valObjective,
        ),
        { color: theme.series[1], lineStyle: dotted, z: 2 },
      ),
    );
  return series;
}

export function accuracySeries(m: MetricsBuffer, theme: ChartTheme): LineSeriesOption[] {
  const epochs = m.epochs;
  const series = [
    line(
      'train',
      'train accuracy',
      pairs(
        epochs,
        (e) => e.epoch,
        (e) => e.trainAcc,
      ),
      { color: theme.series[0] },
    ),
  ];
  if (epochs.some((e) => e.valAcc !== undefined)) {
    series.push(
      line(
        'val',
        'validation accuracy',
        pairs(
          epochs,
          (e) => e.epoch,
          (e) => e.valAcc,
        ),
        { color: theme.series[1], lineStyle: { width: 2, type: 'dashed' } },
      ),
    );
  }
  return series;
}

/** One series per layer, in the order layers first appear (graph order). */
export function layerSeries(
  m: MetricsBuffer,
  pick: 'gradNorm' | 'actStd' | 'actMean',
  theme: ChartTheme,
  labelOf: (id: string) => string,
): LineSeriesOption[] {
  const byNode = new Map<string, Array<[number, number]>>();
  for (const l of m.layers) {
    const v = l[pick];
    if (v === undefined || !Number.isFinite(v) || (pick === 'gradNorm' && v <= 0)) continue;
    let points = byNode.get(l.nodeId);
    if (!points) byNode.set(l.nodeId, (points = []));
    points.push([l.epoch, v]);
  }
  return [...byNode].map(([id, points], i) =>
    line(`layer:${id}`, labelOf(id), points, { color: theme.series[i % theme.series.length], lineStyle: { width: 1.6 } }),
  );
}

export function pairs<T>(rows: readonly T[], x: (r: T) => number, y: (r: T) => number | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of rows) {
    const v = y(r);
    if (v !== undefined && Number.isFinite(v)) out.push([x(r), v]);
  }
  return out;
}

export function pointCount(series: readonly LineSeriesOption[]): number {
  return series.reduce((n, s) => n + (Array.isArray(s.data) ? s.data.length : 0), 0);
}
