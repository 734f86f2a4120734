// One live chart: draws the base option when mounted or the theme changes, then only swaps in
// series data when the metrics gain points (at most once per frame).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartTheme } from './chartTheme';
import { baseOption, pointCount, type AxisSpec } from './chartOptions';
import type { MetricsBuffer } from './metricsBuffer';
import { useEChart } from './useEChart';

interface Props {
  title: string;
  axes: AxisSpec;
  metrics: MetricsBuffer;
  revision: number;
  series(metrics: MetricsBuffer, theme: ChartTheme): LineSeriesOption[];
  /** Shown instead of the chart while there is nothing to draw. */
  emptyText: string;
  testId: string;
  /** Small controls next to the title. */
  tools?: ReactNode;
}

export function MetricChart({ title, axes, metrics, revision, series, emptyText, testId, tools }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { chart, theme } = useEChart(box);
  const [points, setPoints] = useState(0);
  const frame = useRef(0);
  const axesKey = JSON.stringify(axes);

  useEffect(() => {
    if (!chart || !theme) return;
    const data = series(metrics, theme);
    chart.setOption({ ...baseOption(theme, axes), series: data }, { notMerge: true });
    setPoints(pointCount(data));
    // Redraw the full option only for a new theme, axes or run.
  }, [chart, theme, axesKey, metrics]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!chart || !theme) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const data = series(metrics, theme);
      chart.setOption({ series: data }, { lazyUpdate: false });
      setPoints(pointCount(data));
    });
    return () => cancelAnimationFrame(frame.current);
  }, [revision]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <figure className="metric-chart" data-testid={testId} data-points={points}>
      <figcaption>
        {title}
        {tools}
      </figcaption>
      <div className="metric-chart-canvas" ref={box} role="img" aria-label={`${title}: ${points} points`} />
      {points === 0 && <p className="metric-chart-empty">{emptyText}</p>}
    </figure>
  );
}
