// The legend of a comparison chart as buttons (charts/LegendToggles): one entry per series name,
// since a run's faint raw line and its smoothed line (or a seed band's three series) share a name.
import type { EChartsOption } from '../charts/echarts';
import type { LegendEntry } from '../charts/LegendToggles';

interface SeriesLike {
  name?: unknown;
  lineStyle?: { color?: unknown; type?: unknown };
  itemStyle?: { color?: unknown };
  areaStyle?: { color?: unknown };
}

const colorOf = (s: SeriesLike): string | undefined => {
  for (const c of [s.itemStyle?.color, s.lineStyle?.color, s.areaStyle?.color]) if (typeof c === 'string') return c;
  return undefined;
};

export function legendEntries(option: EChartsOption): LegendEntry[] {
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as SeriesLike[];
  const byName = new Map<string, LegendEntry>();
  for (const s of series) {
    if (typeof s.name !== 'string' || !s.name) continue;
    const entry = byName.get(s.name);
    if (!entry) byName.set(s.name, { name: s.name, color: colorOf(s) });
    else if (!entry.color) entry.color = colorOf(s);
  }
  return [...byName.values()];
}

/** ECharts' legend selection for the hidden names (the canvas legend stays off: the buttons replace it). */
export function legendSelection(hidden: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(hidden.map((name) => [name, false]));
}
