// ECharts option of the word-vector scatter: every word as a point of its 2-D PCA projection,
// the picked word and its nearest neighbours highlighted, labels on the most frequent words.
import type { EChartsOption } from '../charts/echarts';
import type { ChartTheme } from '../charts/chartTheme';
import type { Neighbour, Projection } from './wordVectors';

export interface ScatterInput {
  words: readonly string[];
  projection: Projection;
  picked: string | null;
  neighbours: readonly Neighbour[];
  labelled: ReadonlySet<string>;
}

type Point = { name: string; value: [number, number]; label: { show: boolean } };

/** The points of each group: the picked word, its neighbours, and every other word. */
export function scatterGroups({ words, projection, picked, neighbours, labelled }: ScatterInput): {
  others: Point[];
  near: Point[];
  pick: Point[];
} {
  const near = new Set(neighbours.map((n) => n.word));
  const groups = { others: [] as Point[], near: [] as Point[], pick: [] as Point[] };
  words.forEach((word, i) => {
    const [x, y] = projection.points[i]!;
    const point: Point = { name: word, value: [Number(x.toFixed(4)), Number(y.toFixed(4))], label: { show: labelled.has(word) } };
    if (word === picked) groups.pick.push(point);
    else if (near.has(word)) groups.near.push(point);
    else groups.others.push(point);
  });
  return groups;
}

export function embeddingScatterOption(theme: ChartTheme, input: ScatterInput): EChartsOption {
  const { others, near, pick } = scatterGroups(input);
  const [ex, ey] = input.projection.explained;
  const axis = (name: string) => ({
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 24,
    nameTextStyle: { color: theme.muted },
    axisLabel: { show: false },
    axisLine: { lineStyle: { color: theme.axis } },
    splitLine: { lineStyle: { color: theme.grid } },
    scale: true,
  });
  const label = (color: string, weight: 'normal' | 'bold') => ({
    formatter: '{b}',
    position: 'right' as const,
    color,
    fontSize: 11,
    fontWeight: weight,
  });
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 36, right: 24, top: 16, bottom: 36 },
    tooltip: {
      backgroundColor: theme.tooltipBg,
      textStyle: { color: theme.text },
      formatter: (p: unknown) => (p as { name: string }).name,
    },
    legend: { bottom: 0, right: 0, textStyle: { color: theme.muted }, itemWidth: 10, itemHeight: 10 },
    xAxis: axis(`PC 1 (${(ex * 100).toFixed(0)}% of the variance)`),
    yAxis: axis(`PC 2 (${(ey * 100).toFixed(0)}%)`),
    series: [
      {
        type: 'scatter',
        name: 'words',
        data: others,
        symbolSize: 6,
        itemStyle: { color: theme.muted, opacity: 0.55 },
        label: label(theme.muted, 'normal'),
        labelLayout: { hideOverlap: true },
      },
      {
        type: 'scatter',
        name: 'nearest neighbours',
        data: near,
        symbolSize: 9,
        itemStyle: { color: theme.series[1] },
        label: label(theme.text, 'normal'),
        labelLayout: { hideOverlap: true },
      },
      {
        type: 'scatter',
        name: input.picked ?? 'picked word',
        data: pick,
        symbolSize: 14,
        itemStyle: { color: theme.series[0] },
        label: label(theme.text, 'bold'),
        z: 3,
      },
    ],
  };
}
