// The views a lesson can ask for, as chart options over its runs: loss or accuracy curves per
// run, a diagnostic by depth (one bar group per layer), and the lesson-only gradient check.
import type { EChartsOption } from '../charts/echarts';
import type { ChartTheme } from '../charts/chartTheme';
import { baseOption } from '../charts/chartOptions';
import type { LessonRun } from '../../src-engine';
import type { LessonView } from '../../src-shared/lessonFormat';

export interface LabelledRun {
  label: string;
  run: LessonRun;
}

export function curvesOption(theme: ChartTheme, runs: LabelledRun[], view: LessonView): EChartsOption {
  const accuracy = view.kind === 'accuracy';
  const base = baseOption(theme, {
    x: 'epoch',
    y: accuracy ? 'training accuracy' : 'loss',
    log: !accuracy && view.log === true,
    percent: accuracy,
  });
  const series = runs.flatMap(({ label, run }, i) => {
    const color = theme.series[i % theme.series.length];
    const train = {
      type: 'line' as const,
      name: accuracy ? label : `${label} · train`,
      showSymbol: false,
      lineStyle: { color, width: 2 },
      itemStyle: { color },
      data: run.epochs.map((e) => [e.epoch, accuracy ? (e.trainAcc ?? null) : positive(e.trainLoss)]),
    };
    const hasVal = !accuracy && run.epochs.some((e) => e.valLoss !== undefined);
    const val = {
      type: 'line' as const,
      name: `${label} · validation`,
      showSymbol: false,
      lineStyle: { color, width: 2, type: 'dashed' as const },
      itemStyle: { color },
      data: run.epochs.map((e) => [e.epoch, e.valLoss === undefined ? null : positive(e.valLoss)]),
    };
    return hasVal ? [train, val] : [train];
  });
  return { ...base, series };
}

/** A log axis cannot show 0 or a non-number (a diverged run's last loss). */
function positive(v: number): number | null {
  return Number.isFinite(v) && v > 0 ? v : null;
}

export function byDepthOption(theme: ChartTheme, runs: LabelledRun[], view: LessonView): EChartsOption {
  const nodes = view.nodes ?? [];
  const metric = view.metric ?? 'gradNorm';
  const base = baseOption(theme, {
    x: 'layer',
    y: metric === 'gradNorm' ? 'gradient norm' : metric === 'actStd' ? 'output std' : 'weight norm',
    log: view.log === true,
  });
  return {
    ...base,
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? v.toExponential(2) : String(v)),
    },
    xAxis: {
      type: 'category',
      data: nodes,
      name: 'layer (input → output)',
      nameLocation: 'middle',
      nameGap: 22,
      axisLabel: { color: theme.muted, fontSize: 10, interval: 0 },
    },
    series: runs.map(({ label, run }, i) => ({
      type: 'bar' as const,
      name: label,
      itemStyle: { color: theme.series[i % theme.series.length] },
      // The first epoch's diagnostics: the network as initialized, before training reshapes it.
      data: nodes.map((n) => positive(run.epochs[0]?.layers[n]?.[metric] ?? NaN)),
    })),
  };
}

export function gradCheckBarsOption(theme: ChartTheme, errors: Array<{ name: string; error: number }>): EChartsOption {
  const base = baseOption(theme, { x: 'layer', y: 'max relative error', log: true });
  return {
    ...base,
    legend: { show: false },
    xAxis: { type: 'category', data: errors.map((e) => e.name), axisLabel: { color: theme.text, fontSize: 11, interval: 0 } },
    yAxis: { ...(base.yAxis as object), type: 'log', min: 1e-14, max: 1, name: '' },
    // A log axis has no zero for bars to stand on: an invisible bar up to the floor, the visible one stacked on it.
    series: [
      {
        type: 'bar',
        stack: 'error',
        silent: true,
        barMaxWidth: 56,
        itemStyle: { color: 'transparent' },
        data: errors.map(() => 1e-14),
      },
      {
        type: 'bar',
        stack: 'error',
        name: 'max relative error',
        barMaxWidth: 56,
        data: errors.map((e) => ({
          value: Math.max(1e-14, e.error - 1e-14),
          itemStyle: { color: e.error < 1e-6 ? '#0ca678' : '#e03131' },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#e03131', type: 'dashed' },
          label: { formatter: 'threshold 1e-6', color: theme.muted, position: 'insideEndTop' },
          data: [{ yAxis: '0.000001' }],
        },
      },
    ],
  };
}
