// The gradient check as a chart: each layer's largest relative error on a log axis, with the
// pass threshold drawn across, bars green below it and red above.
import type { EChartsOption } from '../../charts/echarts';
import type { ChartTheme } from '../../charts/chartTheme';
import type { GradCheckReport } from '../../../src-shared/api';
import { baseOption } from '../../charts/chartOptions';

/** Exact agreement (0) has no place on a log axis: draw it at the floor. */
const FLOOR = 2e-14;
const AXIS_MIN = 1e-14;

export function gradCheckOption(theme: ChartTheme, report: GradCheckReport): EChartsOption {
  const base = baseOption(theme, { x: 'layer', y: 'max relative error', log: true });
  const values = report.layers.map((l) => (Number.isNaN(l.maxRelError) ? 1 : Math.max(FLOOR, l.maxRelError)));
  return {
    ...base,
    legend: { show: false },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (params as Array<{ dataIndex: number }>)[0];
        const layer = first ? report.layers[first.dataIndex] : undefined;
        return layer
          ? `${layer.nodeId}: ${Number.isNaN(layer.maxRelError) ? 'NaN' : layer.maxRelError.toExponential(2)} ${layer.passed ? '(agrees)' : '(disagrees)'}`
          : '';
      },
    },
    grid: { left: 64, right: 24, top: 20, bottom: 40 },
    xAxis: {
      type: 'category',
      data: report.layers.map((l) => l.nodeId),
      axisLabel: { color: theme.text, fontSize: 11, interval: 0 },
    },
    // The chart's title names the quantity; an axis name would collide with it.
    yAxis: { ...(base.yAxis as object), type: 'log', min: AXIS_MIN, max: 1, name: '' },
    // A log axis has no zero for bars to stand on: an invisible bar up to the axis floor is the
    // base, and the visible one is stacked on it, so bars grow upwards with the error.
    series: [
      {
        type: 'bar',
        stack: 'error',
        silent: true,
        barMaxWidth: 48,
        itemStyle: { color: 'transparent' },
        data: values.map(() => AXIS_MIN),
      },
      {
        type: 'bar',
        stack: 'error',
        name: 'max relative error',
        barMaxWidth: 48,
        // NaN (a broken gradient) is drawn to the top so it cannot be missed.
        data: report.layers.map((l, i) => ({
          value: Math.max(0, values[i]! - AXIS_MIN),
          itemStyle: { color: l.passed ? '#0ca678' : '#e03131' },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#e03131', type: 'dashed' },
          label: { formatter: `threshold ${report.tolerance}`, color: theme.muted, position: 'insideEndTop' },
          // On a log axis ECharts places a numeric yAxis wrongly (the line disappears); a string works.
          data: [{ yAxis: String(report.tolerance) }],
        },
      },
    ],
  };
}
