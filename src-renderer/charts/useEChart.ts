// One ECharts instance per chart element: created once, resized with its box, rebuilt with the theme.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { echarts, type EChartsType } from './echarts';
import { readChartTheme, type ChartTheme } from './chartTheme';
import { useUiStore } from '../ui/uiStore';

export function useEChart(element: RefObject<HTMLDivElement | null>): { chart: EChartsType | null; theme: ChartTheme | null } {
  const themeName = useUiStore((s) => s.theme);
  const [state, setState] = useState<{ chart: EChartsType | null; theme: ChartTheme | null }>({ chart: null, theme: null });
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    setState({ chart, theme: readChartTheme() });
    return () => {
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [element]);

  useEffect(() => {
    if (chartRef.current) setState({ chart: chartRef.current, theme: readChartTheme() });
  }, [themeName]);

  return state;
}
