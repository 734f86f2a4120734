// Chart colours from the app's CSS variables, so charts follow the light and dark themes.
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  axis: string;
  background: string;
  tooltipBg: string;
  series: string[];
}

/** Colours that read well on both backgrounds; series keep their colour across charts. */
export const SERIES_COLORS = [
  '#4263eb',
  '#f76707',
  '#0ca678',
  '#d6336c',
  '#7048e8',
  '#e8a200',
  '#1098ad',
  '#74b816',
  '#868e96',
  '#c2255c',
];

export function readChartTheme(): ChartTheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1f2328'),
    muted: v('--text-muted', '#656d76'),
    grid: v('--chart-grid', '#e6e8eb'),
    axis: v('--border-strong', '#c9ced4'),
    background: 'transparent',
    tooltipBg: v('--surface-raised', '#ffffff'),
    series: SERIES_COLORS,
  };
}
