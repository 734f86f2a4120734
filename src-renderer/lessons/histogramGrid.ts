// Activation histograms by depth, side by side across runs: one small bar chart per (layer, run),
// layers from input (top) to output (bottom), one column per run. A run's column shares one value
// axis, so a signal that collapses with depth shrinks to a spike and a saturated one piles up at
// the ends, as in Glorot and Bengio's figures.
import type { EChartsOption } from '../charts/echarts';
import type { BarSeriesOption } from 'echarts/charts';
import type { ChartTheme } from '../charts/chartTheme';
import { shortAxis } from '../charts/chartOptions';
import type { HistogramData } from '../../src-shared/engineEvents';

export interface RunHistograms {
  label: string;
  /** The layers measured, input to output (a layer without activations is left out). */
  layers: Array<{ node: string; histogram: HistogramData }>;
}

/** Pixels: the run names above the columns, each layer's row, the value axis under the last row. */
export const HISTOGRAM_LAYOUT = { top: 30, row: 44, bottom: 30 } as const;
/** Percent of the width: the layer names' margin, and the gap between columns. */
const LEFT = 6;
const GAP = 2;

export function histogramGridHeight(layerCount: number): number {
  return HISTOGRAM_LAYOUT.top + layerCount * HISTOGRAM_LAYOUT.row + HISTOGRAM_LAYOUT.bottom;
}

export function histogramGridOption(theme: ChartTheme, runs: RunHistograms[], nodes: readonly string[]): EChartsOption {
  const { top, row } = HISTOGRAM_LAYOUT;
  // Column positions in percent of the width; the left margin holds the layer names.
  const colWidth = (100 - LEFT - 1) / Math.max(1, runs.length);
  const grid: NonNullable<EChartsOption['grid']> = [];
  const xAxis: NonNullable<EChartsOption['xAxis']> = [];
  const yAxis: NonNullable<EChartsOption['yAxis']> = [];
  const series: BarSeriesOption[] = [];
  const title: NonNullable<EChartsOption['title']> = [];
  runs.forEach((run, c) => {
    const color = theme.series[c % theme.series.length]!;
    const dataLo = Math.min(...run.layers.map((l) => l.histogram.min));
    const hi = Math.max(...run.layers.map((l) => l.histogram.max));
    // A column that starts a hair above 0 (sigmoid, ReLU outputs) starts at 0, so its axis reads 0, 0.2, ….
    const lo = dataLo > 0 && dataLo < 0.02 * (hi - dataLo) ? 0 : dataLo;
    title.push({
      text: run.label,
      left: `${LEFT + colWidth * c + (colWidth - GAP) / 2}%`,
      textAlign: 'center',
      top: 6,
      textStyle: { fontSize: 11, fontWeight: 600, color: theme.text },
    });
    nodes.forEach((node, r) => {
      const h = run.layers.find((l) => l.node === node)?.histogram;
      const index = grid.length;
      const bottomRow = r === nodes.length - 1;
      grid.push({ left: `${LEFT + colWidth * c}%`, width: `${colWidth - GAP}%`, top: top + r * row, height: row - 8 });
      xAxis.push({
        type: 'value',
        gridIndex: index,
        min: lo,
        max: hi === lo ? lo + 1 : hi,
        axisLabel: {
          show: bottomRow,
          color: theme.muted,
          fontSize: 9,
          formatter: (v: number) => shortAxis(v),
          hideOverlap: true,
        },
        axisTick: { show: bottomRow },
        axisLine: { lineStyle: { color: theme.axis } },
        splitLine: { show: false },
      });
      const peak = h ? Math.max(1, ...h.counts) : 1;
      yAxis.push({
        type: 'value',
        gridIndex: index,
        min: 0,
        max: 1,
        show: c === 0,
        name: c === 0 ? node : '',
        nameLocation: 'middle',
        nameRotate: 0,
        nameGap: 8,
        nameTextStyle: { color: theme.muted, fontSize: 10, align: 'right' },
        axisLabel: { show: false },
        axisTick: { show: false },
        axisLine: { show: false },
        splitLine: { show: false },
      });
      if (!h) return;
      const binWidth = (h.max - h.min) / h.counts.length;
      series.push({
        type: 'bar',
        name: `${run.label} · ${node}`,
        xAxisIndex: index,
        yAxisIndex: index,
        // Each count as a share of the layer's tallest bin: the shape matters, not the probe size.
        data: h.counts.map((n, i) => [h.min + (i + 0.5) * binWidth, n / peak]),
        barWidth: '90%',
        barMinWidth: 1,
        itemStyle: { color },
        silent: true,
      });
    });
  });
  return {
    animation: false,
    backgroundColor: theme.background,
    textStyle: { fontFamily: 'inherit', color: theme.text },
    legend: { show: false },
    tooltip: { show: false },
    title,
    grid,
    xAxis,
    yAxis,
    series,
  };
}
