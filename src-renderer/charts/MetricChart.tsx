// One live chart: draws the base option when mounted or the theme changes, then only swaps in
// series data when the metrics gain points (at most once per frame).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLatest } from '../ui/latest';
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartTheme } from './chartTheme';
import { baseOption, pointCount, type AxisSpec } from './chartOptions';
import type { MetricsBuffer } from './metricsBuffer';
import { useEChart } from './useEChart';
import { LegendToggles, type LegendEntry } from './LegendToggles';

interface Props {
  title: string;
  /** A few muted words after the title saying what is measured. */
  hint?: string;
  axes: AxisSpec;
  metrics: MetricsBuffer;
  revision: number;
  series(metrics: MetricsBuffer, theme: ChartTheme): LineSeriesOption[];
  /** Shown instead of the chart while there is nothing to draw. */
  emptyText: string;
  testId: string;
  /** Small controls next to the title. */
  tools?: ReactNode;
  /** Spans the whole row (charts with many series and a long legend). */
  wide?: boolean;
  /** The legend as buttons that hide and show series, reachable with Tab (default); false keeps ECharts' canvas legend. */
  toggles?: boolean;
}

const entries = (data: readonly LineSeriesOption[]): LegendEntry[] =>
  data.map((s) => ({
    name: String(s.name ?? ''),
    color: typeof s.color === 'string' ? s.color : undefined,
    dashed: s.lineStyle?.type === 'dashed',
  }));

export function MetricChart({
  title,
  hint,
  axes,
  metrics,
  revision,
  series,
  emptyText,
  testId,
  tools,
  wide,
  toggles = true,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { chart, theme } = useEChart(box);
  const [points, setPoints] = useState(0);
  const [legend, setLegend] = useState<LegendEntry[]>([]);
  const [hidden, setHidden] = useState<string[]>([]);
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;
  const frame = useRef(0);
  const axesKey = JSON.stringify(axes);
  // Effects below run on chosen triggers and read the newest props from here.
  const latest = useLatest({ chart, theme, axes, metrics, series, toggles });

  useEffect(() => {
    if (!chart || !theme) return;
    const { axes, series, toggles } = latest.current;
    const data = series(metrics, theme);
    const base = baseOption(theme, axes);
    chart.setOption({ ...base, ...(toggles ? { legend: { show: false } } : {}), series: data }, { notMerge: true });
    // A full redraw forgets which series were hidden; hide them again.
    for (const name of hiddenRef.current) chart.dispatchAction({ type: 'legendUnSelect', name });
    setPoints(pointCount(data));
    setLegend(entries(data));
    // Redraw the full option only for a new theme, axes or run.
  }, [chart, theme, axesKey, metrics, latest]);

  useEffect(() => {
    const { chart, theme, metrics, series } = latest.current;
    if (!chart || !theme) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const data = series(metrics, theme);
      chart.setOption({ series: data }, { lazyUpdate: false });
      setPoints(pointCount(data));
      setLegend((before) => (sameEntries(before, entries(data)) ? before : entries(data)));
    });
    return () => cancelAnimationFrame(frame.current);
    // Appends for each new revision of the same run's metrics (the full redraw above handles the rest).
  }, [revision, latest]);

  const toggle = (name: string) => {
    chart?.dispatchAction({ type: 'legendToggleSelect', name });
    setHidden((h) => (h.includes(name) ? h.filter((n) => n !== name) : [...h, name]));
  };
  const names = legend.map((e) => e.name).join(', ');

  return (
    <figure
      className={wide ? 'metric-chart is-wide' : 'metric-chart'}
      data-testid={testId}
      data-points={points}
      data-series={names}
    >
      <figcaption>
        <span title={hint ? `${title}: ${hint}` : undefined}>
          {title}
          {hint && <span className="metric-chart-hint"> · {hint}</span>}
        </span>
        {tools}
      </figcaption>
      <div
        className="metric-chart-canvas"
        ref={box}
        role="img"
        aria-label={`${title}: ${names ? `${names}, ` : ''}${points} points`}
      />
      {toggles && points > 0 && (
        <LegendToggles label={`${title}: show or hide`} entries={legend} hidden={hidden} onToggle={toggle} />
      )}
      {points === 0 && <p className="metric-chart-empty">{emptyText}</p>}
    </figure>
  );
}

function sameEntries(a: readonly LegendEntry[], b: readonly LegendEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.name === b[i].name && e.color === b[i].color && e.dashed === b[i].dashed);
}
