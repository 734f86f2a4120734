// Series that depend on the task: R² for regression, validation accuracy per class for
// classification (named by the dataset's classes).
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartTheme } from './chartTheme';
import type { MetricsBuffer } from './metricsBuffer';
import { line, pairs } from './chartOptions';

export function r2Series(m: MetricsBuffer, theme: ChartTheme): LineSeriesOption[] {
  const points = pairs(
    m.epochs,
    (e) => e.epoch,
    (e) => e.valR2,
  );
  if (!points.length) return [];
  return [
    line('r2', 'validation R²', points, {
      color: theme.series[1],
      // The 0 line is where the model is no better than always predicting the mean.
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: theme.muted, type: 'dotted', width: 1 },
        label: { formatter: 'mean guess', position: 'insideEndTop', color: theme.muted, fontSize: 10 },
        data: [{ yAxis: 0 }],
      },
    }),
  ];
}

/** What a class is called on a chart: its dataset name, with bare numbers ("3") made readable. */
export function classLabel(index: number, classNames: readonly string[] | undefined): string {
  const name = classNames?.[index];
  if (name === undefined || name === '') return `class ${index}`;
  return /^\d+$/.test(name) ? `class ${name}` : name;
}

/** Number of classes the run reports per-class accuracy for (the widest epoch). */
export function classCount(m: MetricsBuffer): number {
  return m.epochs.reduce((n, e) => Math.max(n, e.valClassAcc?.length ?? 0), 0);
}

/** One series per class, in class order, each named by its class. */
export function classAccuracySeries(
  m: MetricsBuffer,
  theme: ChartTheme,
  classNames: readonly string[] | undefined,
): LineSeriesOption[] {
  const out: LineSeriesOption[] = [];
  for (let c = 0; c < classCount(m); c++) {
    const points = pairs(
      m.epochs,
      (e) => e.epoch,
      (e) => e.valClassAcc?.[c],
    );
    out.push(
      line(`class:${c}`, classLabel(c, classNames), points, {
        color: theme.series[c % theme.series.length],
        lineStyle: { width: 1.6 },
      }),
    );
  }
  return out;
}
