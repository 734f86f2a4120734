// A search's results as rows: each finished trial's searched values (read back from its stored
// graph) and its validation metric, the best one marked; and the ECharts options that draw them.
import { readPath, shortLabel } from '../../src-engine/index';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { RunSummary } from '../../src-shared/api';
import { lowerIsBetter, type SearchMetric, type SearchSpec } from '../../src-shared/searchSpec';
import type { ChartTheme } from '../charts/chartTheme';

export interface TrialRow {
  trial: number;
  runId: string;
  values: Record<string, string | number | boolean>;
  metric?: number;
  status: string;
  pruned: boolean;
  epochs: number;
}

export const METRIC_LABEL: Record<SearchMetric, string> = {
  valLoss: 'Validation loss',
  valAcc: 'Validation accuracy',
  valR2: 'Validation R²',
};

const metricOf = (run: RunSummary, metric: SearchMetric): number | undefined =>
  metric === 'valLoss' ? run.finalValLoss : metric === 'valAcc' ? run.finalValAcc : run.finalValR2;

export function trialRows(
  spec: SearchSpec,
  runIds: string[],
  runs: Map<string, RunSummary>,
  graphs: Map<string, GraphDoc>,
): TrialRow[] {
  const metric = spec.metric ?? 'valLoss';
  const rows: TrialRow[] = [];
  runIds.forEach((id, i) => {
    const run = runs.get(id);
    const graph = graphs.get(id);
    if (!run || !graph) return;
    const values = Object.fromEntries(
      spec.params.map((p) => [shortLabel(p.path), readPath(graph, p.path) as string | number | boolean]),
    );
    rows.push({
      trial: i + 1,
      runId: id,
      values,
      metric: metricOf(run, metric),
      status: run.status,
      pruned: run.status === 'stopped' && /successive halving/.test(run.error ?? ''),
      epochs: run.epochsDone,
    });
  });
  return rows;
}

export function bestRow(rows: TrialRow[], metric: SearchMetric): TrialRow | undefined {
  const sign = lowerIsBetter(metric) ? 1 : -1;
  return rows
    .filter((r) => r.metric !== undefined && Number.isFinite(r.metric))
    .sort((a, b) => sign * (a.metric! - b.metric!) || a.trial - b.trial)[0];
}

/** Axis type per setting: a category for names, log for log-spaced ranges, else a value axis. */
function axisFor(
  spec: SearchSpec,
  label: string,
  rows: TrialRow[],
): { type: 'category'; data: string[] } | { type: 'log' | 'value' } {
  const param = spec.params.find((p) => shortLabel(p.path) === label)!;
  const values = rows.map((r) => r.values[label]);
  if (values.some((v) => typeof v !== 'number')) return { type: 'category', data: [...new Set(values.map(String))] };
  return { type: param.dist.kind === 'log' || (param.dist.kind === 'int' && param.dist.log) ? 'log' : 'value' };
}

const asAxisValue = (v: string | number | boolean) => (typeof v === 'number' ? v : String(v));

export function parallelOption(
  spec: SearchSpec,
  rows: TrialRow[],
  best: TrialRow | undefined,
  theme: ChartTheme,
): Record<string, unknown> {
  const metric = spec.metric ?? 'valLoss';
  const labels = spec.params.map((p) => shortLabel(p.path));
  const axisStyle = {
    nameTextStyle: { color: theme.text },
    axisLabel: { color: theme.muted },
    axisLine: { lineStyle: { color: theme.axis } },
  };
  const parallelAxis = [
    ...labels.map((label, dim) => ({ dim, name: label, ...axisFor(spec, label, rows), ...axisStyle })),
    // Better is up: a loss axis is inverted, so its name goes at its start (the top).
    {
      dim: labels.length,
      name: METRIC_LABEL[metric],
      type: 'value',
      scale: true,
      inverse: lowerIsBetter(metric),
      nameLocation: lowerIsBetter(metric) ? 'start' : 'end',
      ...axisStyle,
    },
  ];
  const line = (r: TrialRow) => ({
    value: [...labels.map((l) => asAxisValue(r.values[l])), r.metric ?? null],
    name: `Trial ${r.trial}`,
  });
  const others = rows.filter((r) => r !== best && r.metric !== undefined);
  return {
    animation: false,
    tooltip: { trigger: 'item', backgroundColor: theme.tooltipBg, textStyle: { color: theme.text } },
    parallel: { left: 40, right: 90, top: 36, bottom: 24 },
    parallelAxis,
    series: [
      {
        name: 'Trials',
        type: 'parallel',
        lineStyle: { width: 1.2, opacity: 0.45, color: theme.series[0] },
        data: others.filter((r) => !r.pruned).map(line),
      },
      {
        name: 'Stopped early',
        type: 'parallel',
        lineStyle: { width: 1, opacity: 0.35, type: 'dashed', color: theme.muted },
        data: others.filter((r) => r.pruned).map(line),
      },
      {
        name: 'Best',
        type: 'parallel',
        lineStyle: { width: 3, opacity: 1, color: theme.series[1] },
        data: best ? [line(best)] : [],
      },
    ],
  };
}

/** One setting against the metric: every trial a dot, the best one larger and in the accent colour. */
export function scatterOption(
  spec: SearchSpec,
  label: string,
  rows: TrialRow[],
  best: TrialRow | undefined,
  theme: ChartTheme,
): Record<string, unknown> {
  const metric = spec.metric ?? 'valLoss';
  const x = axisFor(spec, label, rows);
  const point = (r: TrialRow) => ({ value: [asAxisValue(r.values[label]), r.metric], name: `Trial ${r.trial}` });
  const scored = rows.filter((r) => r.metric !== undefined && Number.isFinite(r.metric));
  const axis = {
    axisLabel: { color: theme.muted, fontSize: 10 },
    axisLine: { lineStyle: { color: theme.axis } },
    splitLine: { lineStyle: { color: theme.grid } },
    nameTextStyle: { color: theme.muted },
  };
  return {
    animation: false,
    title: { text: label, left: 'center', top: 0, textStyle: { color: theme.text, fontSize: 12, fontWeight: 'normal' } },
    tooltip: {
      trigger: 'item',
      backgroundColor: theme.tooltipBg,
      textStyle: { color: theme.text },
      formatter: (p: { name: string; value: unknown[] }) =>
        `${p.name}<br/>${label} ${String(p.value[0])}<br/>${METRIC_LABEL[metric]} ${Number(p.value[1]).toPrecision(4)}`,
    },
    grid: { left: 48, right: 12, top: 26, bottom: 26 },
    xAxis: { ...x, scale: true, ...axis },
    yAxis: { type: 'value', scale: true, ...axis },
    series: [
      {
        type: 'scatter',
        symbolSize: 7,
        itemStyle: { color: theme.series[0], opacity: 0.75 },
        data: scored.filter((r) => r !== best && !r.pruned).map(point),
      },
      {
        type: 'scatter',
        symbolSize: 6,
        itemStyle: { color: theme.muted, opacity: 0.6 },
        data: scored.filter((r) => r !== best && r.pruned).map(point),
      },
      {
        type: 'scatter',
        symbolSize: 13,
        itemStyle: { color: theme.series[1], borderColor: theme.text, borderWidth: 1 },
        data: best ? [point(best)] : [],
      },
    ],
  };
}
