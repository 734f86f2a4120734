// ECharts option of one gate or state over time: rows are units, columns time steps.
import type { EChartsOption } from '../charts/echarts';
import type { ChartTheme } from '../charts/chartTheme';

/** Gates are sigmoids in [0, 1]; states and tanh candidates are signed, so they get a diverging scale around 0. */
export function valueRange(key: string, values: number[][]): [number, number] {
  if (key === 'i' || key === 'f' || key === 'o' || key === 'z' || key === 'r') return [0, 1];
  let max = 0;
  for (const row of values) for (const v of row) max = Math.max(max, Math.abs(v));
  const m = max > 0 ? Number(max.toPrecision(2)) : 1;
  return [-m, m];
}

/** Heatmap cells [step, unit, value] from a [steps][units] series. */
export function heatmapCells(values: number[][]): Array<[number, number, number]> {
  const cells: Array<[number, number, number]> = [];
  values.forEach((row, t) => row.forEach((v, u) => cells.push([t, u, Number(v.toFixed(4))])));
  return cells;
}

/** Short sequences label every step; long ones every fifth step and the marked (★) ones, never crowding a mark. */
export function showStepLabel(labels: readonly string[], index: number): boolean {
  if (labels.length <= 20 || labels[index]?.startsWith('★')) return true;
  const nearMark = [-2, -1, 1, 2].some((d) => labels[index + d]?.startsWith('★'));
  return index % 5 === 0 && !nearMark;
}

export function gateHeatmapOption(
  theme: ChartTheme,
  key: string,
  values: number[][],
  stepLabels: readonly string[],
): EChartsOption {
  const units = values[0]?.length ?? 0;
  const [min, max] = valueRange(key, values);
  const signed = min < 0;
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 40, right: 72, top: 10, bottom: 28 },
    tooltip: {
      backgroundColor: theme.tooltipBg,
      textStyle: { color: theme.text },
      formatter: (p: unknown) => {
        const [t, u, v] = (p as { value: [number, number, number] }).value;
        return `step ${t + 1} (“${stepLabels[t] ?? ''}”) · unit ${u + 1}: ${v.toFixed(3)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: stepLabels.map((l) => l),
      axisLabel: { color: theme.muted, interval: (index: number) => showStepLabel(stepLabels, index) },
      axisLine: { lineStyle: { color: theme.axis } },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: Array.from({ length: units }, (_, u) => String(u + 1)),
      axisLabel: { color: theme.muted, interval: units > 16 ? 3 : 0 },
      axisLine: { lineStyle: { color: theme.axis } },
    },
    visualMap: {
      min,
      max,
      calculable: true,
      orient: 'vertical',
      right: 4,
      top: 'middle',
      itemHeight: 100,
      textStyle: { color: theme.muted },
      inRange: { color: signed ? ['#1c7ed6', '#f1f3f5', '#e03131'] : ['#f8f9fa', '#4263eb', '#1b1f5e'] },
    },
    series: [{ type: 'heatmap', data: heatmapCells(values), progressive: 0 }],
  };
}
