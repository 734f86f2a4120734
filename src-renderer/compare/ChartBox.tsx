// One chart of a comparison or lab: an ECharts instance drawing `option`, with a PNG export button.
import { useEffect, useRef } from 'react';
import type { EChartsOption } from '../charts/echarts';
import { useEChart } from '../charts/useEChart';
import type { ChartTheme } from '../charts/chartTheme';
import { downloadChartPng } from './download';
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
}

export function ChartBox({ title, testId, option, deps, height = 260, points }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { chart, theme } = useEChart(ref);
  useEffect(() => {
    if (chart && theme) chart.setOption(option(theme), true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chart, theme, ...deps]);
  const fileName = `${testId}.png`;
  return (
    <figure className="chart-box" data-testid={testId} data-points={points}>
      <figcaption className="chart-box-title">
        <span>{title}</span>
        <button type="button" className="link-button" onClick={() => chart && downloadChartPng(chart, fileName)} data-testid={`${testId}-png`}>
          PNG
        </button>
      </figcaption>
      <div ref={ref} className="chart-box-canvas" style={{ height }} />
    </figure>
  );
}
