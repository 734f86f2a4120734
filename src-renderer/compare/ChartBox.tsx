// One chart of a comparison or lab: an ECharts instance drawing `option`, with a PNG export button
// and, for charts with several series, the legend as buttons reachable with Tab.
import { useEffect, useRef, useState } from 'react';
import { useChangeCount, useLatest } from '../ui/latest';
import type { EChartsOption } from '../charts/echarts';
import { useEChart } from '../charts/useEChart';
import type { ChartTheme } from '../charts/chartTheme';
import { LegendToggles, type LegendEntry } from '../charts/LegendToggles';
import { downloadChartPng } from './download';
import { legendEntries, legendSelection } from './chartLegend';
import './echartsExtra';

interface Props {
  title: string;
  testId: string;
  /** Builds the option from the theme colours; called again when the inputs or the theme change. */
  option: (theme: ChartTheme) => EChartsOption;
  /** Anything that should redraw the chart when it changes. */
  deps: readonly unknown[];
  height?: number;
  /** Number of data points drawn, for tests (data-points). */
  points?: number;
  /** The legend as buttons that hide and show series (by name); the canvas legend is drawn only in the PNG. */
  toggles?: boolean;
}

/** Room under the plot for the x axis and its name only. */
const GRID_BOTTOM_WITHOUT_LEGEND = 36;

export function ChartBox({ title, testId, option, deps, height = 260, points, toggles = false }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { chart, theme } = useEChart(ref);
  const [legend, setLegend] = useState<LegendEntry[]>([]);
  const [hidden, setHidden] = useState<string[]>([]);
  // The grid's bottom margin with ECharts' legend, restored while the PNG is taken.
  const legendRoom = useRef(GRID_BOTTOM_WITHOUT_LEGEND);
  const latestOption = useLatest(option);
  const inputs = useChangeCount(deps);
  useEffect(() => {
    if (!chart || !theme) return;
    const built = latestOption.current(theme);
    if (!toggles) {
      chart.setOption(built, true);
      return;
    }
    const entries = legendEntries(built);
    const legendBase = Array.isArray(built.legend) ? built.legend[0] : built.legend;
    const gridBase = Array.isArray(built.grid) ? built.grid[0] : built.grid;
    // Hidden series stay hidden through redraws (new smoothing, axis, theme). The buttons sit under
    // the canvas, so the room ECharts keeps for its legend goes to the plot.
    chart.setOption(
      {
        ...built,
        grid: { ...gridBase, bottom: GRID_BOTTOM_WITHOUT_LEGEND },
        legend: { ...legendBase, show: false, selected: legendSelection(hidden) },
      },
      true,
    );
    legendRoom.current = typeof gridBase?.bottom === 'number' ? gridBase.bottom : GRID_BOTTOM_WITHOUT_LEGEND;
    setLegend((before) => (sameEntries(before, entries) ? before : entries));
  }, [chart, theme, toggles, hidden, inputs, latestOption]);
  const toggle = (name: string) => setHidden((h) => (h.includes(name) ? h.filter((n) => n !== name) : [...h, name]));
  const exportPng = () => {
    if (!chart) return;
    // The picture has no buttons: it carries ECharts' own legend (hidden runs greyed) while it is taken.
    if (toggles) chart.setOption({ legend: { show: true }, grid: { bottom: legendRoom.current } });
    downloadChartPng(chart, `${testId}.png`);
    if (toggles) chart.setOption({ legend: { show: false }, grid: { bottom: GRID_BOTTOM_WITHOUT_LEGEND } });
  };
  return (
    <figure className={toggles ? 'chart-box has-toggles' : 'chart-box'} data-testid={testId} data-points={points}>
      <figcaption className="chart-box-title">
        <span>{title}</span>
        <button type="button" className="link-button" onClick={exportPng} data-testid={`${testId}-png`}>
          PNG
        </button>
      </figcaption>
      <div ref={ref} className="chart-box-canvas" style={{ height }} />
      {toggles && legend.length > 0 && (
        <LegendToggles label={`${title}: show or hide`} entries={legend} hidden={hidden} onToggle={toggle} />
      )}
    </figure>
  );
}

function sameEntries(a: readonly LegendEntry[], b: readonly LegendEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.name === b[i]!.name && e.color === b[i]!.color);
}
