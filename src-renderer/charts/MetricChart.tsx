// One live chart: draws the base option when mounted or the theme changes, then only swaps in
// series data when the metrics gain points: in a shared animation frame (chartFrames.ts), and
// only while the chart is on screen (one scrolled out of view catches up when it comes back).
// A draw writes the point count to the DOM itself: a React render per draw (several a second per
// chart while training) would cost more than the chart's own change.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useLatest } from '../ui/latest';
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartTheme } from './chartTheme';
import { baseOption, pointCount, type AxisSpec } from './chartOptions';
import type { MetricsBuffer } from './metricsBuffer';
import { useEChart } from './useEChart';
import { LegendToggles, type LegendEntry } from './LegendToggles';
import { cancelDraw, drawInFrame } from './chartFrames';
import { useVisible } from './useVisible';
import { packSeries } from './packedSeries';

interface Props {
  title: string;
  /** A few muted words after the title saying what is measured. */
  hint?: string;
  axes: AxisSpec;
  metrics: MetricsBuffer;
  /** Moves when the series this chart draws gain points. */
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
  /** Drawn before the other charts in a busy frame (the chart that follows every batch of steps). */
  urgent?: boolean;
}

/** How often a chart out of view (scrolled away, in a hidden tab) updates its point count and legend while its data grows. */
const OFFSCREEN_DRAW_MS = 1000;

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
  urgent = false,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const { chart, theme } = useEChart(box);
  // The count drawn: in the DOM (data-points, the label) at each draw; in React only whether there is any.
  const points = useRef(0);
  const draws = useRef(0);
  const [hasPoints, setHasPoints] = useState(false);
  const [legend, setLegend] = useState<LegendEntry[]>([]);
  const [hidden, setHidden] = useState<string[]>([]);
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;
  const visible = useVisible(box);
  const axesKey = JSON.stringify(axes);
  // The draw below runs in a later frame and reads the newest props from here.
  const latest = useLatest({ chart, theme, axes, axesKey, metrics, series, toggles });
  // What the whole option was last set for: a new chart, theme, axes or run needs it set again.
  const drawnFor = useRef<{ chart: unknown; theme: unknown; axesKey: string; metrics: MetricsBuffer } | null>(null);

  // One draw, of the newest data when its frame comes; requests before it only keep its place.
  // `paint` false (a chart out of view): only what the chart says (its points, legend) follows;
  // ECharts lays out and paints nothing until the chart comes into view.
  const draw = useRef((paint = true) => {
    const { chart, theme, axes, axesKey, metrics, series, toggles } = latest.current;
    if (!chart || !theme) return;
    const data = series(metrics, theme);
    const d = drawnFor.current;
    if (paint && d && d.chart === chart && d.theme === theme && d.axesKey === axesKey && d.metrics === metrics) {
      chart.setOption({ series: packSeries(data) }, { lazyUpdate: false });
    } else if (paint) {
      chart.setOption(
        { ...baseOption(theme, axes), ...(toggles ? { legend: { show: false } } : {}), series: packSeries(data) },
        { notMerge: true },
      );
      // A full redraw forgets which series were hidden; hide them again.
      for (const name of hiddenRef.current) chart.dispatchAction({ type: 'legendUnSelect', name });
      drawnFor.current = { chart, theme, axesKey, metrics };
    }
    // Each draw is counted in the DOM (the UI bench's chart refresh rate): once long lines are
    // thinned to a fixed number of points, the point count stops moving while the data still does.
    if (paint) figure.current?.setAttribute('data-draws', String(++draws.current));
    const count = pointCount(data);
    if (count !== points.current) {
      points.current = count;
      figure.current?.setAttribute('data-points', String(count));
      box.current?.setAttribute('aria-label', ariaLabel.current(count));
    }
    setHasPoints(count > 0);
    setLegend((before) => (sameEntries(before, entries(data)) ? before : entries(data)));
  });
  useLayoutEffect(() => figure.current?.setAttribute('data-points', String(points.current)), []);
  const offscreen = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!chart || !theme) return;
    if (visible) {
      drawInFrame(draw, draw.current, urgent);
      return;
    }
    // Out of view, what the chart says (points, series) follows now and then, near the truth, without
    // painting: a chart scrolled away costs no frames. Coming into view paints it.
    offscreen.current ??= setTimeout(() => {
      offscreen.current = null;
      draw.current(false);
    }, OFFSCREEN_DRAW_MS);
  }, [revision, chart, theme, axesKey, metrics, visible, urgent]);
  useEffect(
    () => () => {
      cancelDraw(draw);
      if (offscreen.current) clearTimeout(offscreen.current);
    },
    [],
  );

  const toggle = (name: string) => {
    chart?.dispatchAction({ type: 'legendToggleSelect', name });
    setHidden((h) => (h.includes(name) ? h.filter((n) => n !== name) : [...h, name]));
  };
  const names = legend.map((e) => e.name).join(', ');
  const ariaLabel = useLatest((count: number) => `${title}: ${names ? `${names}, ` : ''}${count} points`);

  return (
    <figure className={wide ? 'metric-chart is-wide' : 'metric-chart'} ref={figure} data-testid={testId} data-series={names}>
      <figcaption>
        <span title={hint ? `${title}: ${hint}` : undefined}>
          {title}
          {hint && <span className="metric-chart-hint"> · {hint}</span>}
        </span>
        {tools}
      </figcaption>
      <div className="metric-chart-canvas" ref={box} role="img" aria-label={ariaLabel.current(points.current)} />
      {toggles && hasPoints && (
        <LegendToggles label={`${title}: show or hide`} entries={legend} hidden={hidden} onToggle={toggle} />
      )}
      {!hasPoints && <p className="metric-chart-empty">{emptyText}</p>}
    </figure>
  );
}

function sameEntries(a: readonly LegendEntry[], b: readonly LegendEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.name === b[i].name && e.color === b[i].color && e.dashed === b[i].dashed);
}
