// Chart options for a split evaluation: the confusion matrix as a heatmap (counts in the cells,
// colours by share of each true class, so a small class's mistakes show as clearly as a big one's).
import type { EChartsOption } from '../charts/echarts';
import type { ChartTheme } from '../charts/chartTheme';

/** Above this many classes the cells are too small for their numbers; the tooltip still has them. */
const MAX_LABELLED_CLASSES = 12;

export function confusionOption(theme: ChartTheme, confusion: number[][], classNames: readonly string[]): EChartsOption {
  const totals = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  // value: [predicted, true, share of the true class, count]; dark cells get light numbers.
  const data = confusion.flatMap((row, t) =>
    row.map((count, p) => {
      const share = totals[t] ? count / totals[t]! : 0;
      return {
        value: [p, t, share, count],
        label: { color: share > 0.55 ? '#ffffff' : theme.text, textBorderWidth: share > 0.55 ? 0 : 2 },
      };
    }),
  );
  const axis = (name: string, inverse: boolean) => ({
    type: 'category' as const,
    data: [...classNames],
    name,
    nameLocation: 'middle' as const,
    nameGap: inverse ? 70 : 28,
    inverse,
    nameTextStyle: { color: theme.muted, fontSize: 11 },
    axisLabel: {
      color: theme.text,
      fontSize: 10.5,
      interval: 0,
      width: 64,
      overflow: 'truncate' as const,
      rotate: !inverse && classNames.length > 6 ? 30 : 0,
    },
    axisLine: { lineStyle: { color: theme.axis } },
    splitArea: { show: false },
  });
  return {
    animation: false,
    backgroundColor: theme.background,
    textStyle: { fontFamily: 'inherit', color: theme.text },
    grid: { left: 84, right: 16, top: 10, bottom: classNames.length > 6 ? 64 : 46 },
    tooltip: {
      backgroundColor: theme.tooltipBg,
      borderColor: theme.axis,
      textStyle: { color: theme.text, fontSize: 11 },
      formatter: (params: unknown) => {
        const [p, t, share, count] = (params as { data: { value: number[] } }).data.value as [number, number, number, number];
        return `true <b>${classNames[t]}</b>, predicted <b>${classNames[p]}</b><br/>${count} samples (${(share * 100).toFixed(1)}% of ${classNames[t]})`;
      },
    },
    xAxis: axis('predicted class', false),
    yAxis: axis('true class', true),
    visualMap: { show: false, dimension: 2, min: 0, max: 1, inRange: { color: ['rgba(66, 99, 235, 0.04)', '#4263eb'] } },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: classNames.length <= MAX_LABELLED_CLASSES,
          formatter: (params: unknown) => String((params as { data: { value: number[] } }).data.value[3]),
          color: theme.text,
          textBorderColor: theme.tooltipBg,
          textBorderWidth: 2,
          fontSize: 11,
        },
        itemStyle: { borderColor: theme.grid, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
      },
    ],
  };
}
