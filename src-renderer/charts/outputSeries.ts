// Series of a multi-output run: each output's own loss, and its metrics (accuracy of a class
// output, R² of a value output), named by the output's node; train solid, validation ("val") dashed.
import type { LineSeriesOption } from 'echarts/charts';
import type { OutputMetrics } from '../../src-shared/engineEvents';
import type { ChartTheme } from './chartTheme';
import type { MetricsBuffer } from './metricsBuffer';
import { line, pairs } from './chartOptions';

/** Whether the run has several outputs (its epochs carry per-output figures). */
export function hasOutputs(m: MetricsBuffer): boolean {
  return m.epochs.some((e) => e.outputs !== undefined);
}

/** Output node ids in the order the run reports them. */
export function outputIds(m: MetricsBuffer): string[] {
  const ids: string[] = [];
  for (const e of m.epochs) for (const id of Object.keys(e.outputs ?? {})) if (!ids.includes(id)) ids.push(id);
  return ids;
}

type Pick = (o: OutputMetrics) => number | undefined;

function trainAndValidation(
  m: MetricsBuffer,
  theme: ChartTheme,
  labelOf: (id: string) => string,
  quantity: string,
  train: Pick,
  validation: Pick,
): LineSeriesOption[] {
  const out: LineSeriesOption[] = [];
  outputIds(m).forEach((id, i) => {
    const color = theme.series[i % theme.series.length];
    const at = (pick: Pick) =>
      pairs(
        m.epochs,
        (e) => e.epoch,
        (e) => {
          const o = e.outputs?.[id];
          return o ? pick(o) : undefined;
        },
      );
    const name = labelOf(id);
    const trained = at(train);
    const validated = at(validation);
    if (trained.length)
      out.push(line(`${quantity}:train:${id}`, `${name} train${quantity ? ` ${quantity}` : ''}`, trained, { color }));
    if (validated.length)
      out.push(
        line(`${quantity}:val:${id}`, `${name} val${quantity ? ` ${quantity}` : ''}`, validated, {
          color,
          lineStyle: { width: 2, type: 'dashed' },
        }),
      );
  });
  return out;
}

/** Each output's own (unweighted) loss per epoch. */
export function outputLossSeries(m: MetricsBuffer, theme: ChartTheme, labelOf: (id: string) => string): LineSeriesOption[] {
  return trainAndValidation(
    m,
    theme,
    labelOf,
    '',
    (o) => o.trainLoss,
    (o) => o.valLoss,
  );
}

/** Each output's score per epoch: accuracy for a class output, R² for a value output (both 1 at best). */
export function outputScoreSeries(m: MetricsBuffer, theme: ChartTheme, labelOf: (id: string) => string): LineSeriesOption[] {
  return [
    ...trainAndValidation(
      m,
      theme,
      labelOf,
      'accuracy',
      (o) => o.trainAcc,
      (o) => o.valAcc,
    ),
    ...trainAndValidation(
      m,
      theme,
      labelOf,
      'R²',
      (o) => o.trainR2,
      (o) => o.valR2,
    ),
  ];
}
