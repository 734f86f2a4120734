// ECharts copies a series' data at every setOption before it reads it: an array of [x, y] pairs
// point by point (a seventh of a live chart's redraw), a typed array in one slice. A line's points
// go to the chart packed as one Float64Array, x0, y0, x1, y1, …, which ECharts reads as rows of
// two values; the chart, its tooltip and its axes show the same. Builders keep returning pairs.
// (A series of [x, y] pairs only: anything else goes as it is.)
import type { LineSeriesOption } from 'echarts/charts';

type Pair = readonly [number, number];

function isPairs(data: unknown): data is readonly Pair[] {
  if (!Array.isArray(data)) return false;
  for (const p of data as unknown[]) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') return false;
  }
  return true;
}

/** The series with each line of [x, y] pairs packed into a Float64Array; other data as it was. */
export function packSeries(series: readonly LineSeriesOption[]): LineSeriesOption[] {
  return series.map((s) => {
    if (!isPairs(s.data)) return s;
    const pairs = s.data;
    const flat = new Float64Array(pairs.length * 2);
    for (let i = 0; i < pairs.length; i++) {
      flat[2 * i] = pairs[i]![0];
      flat[2 * i + 1] = pairs[i]![1];
    }
    // ECharts reads a typed array as flat rows of `dimensions` values (it requires them named);
    // its types only list arrays.
    return { ...s, dimensions: ['x', 'y'], data: flat as unknown as LineSeriesOption['data'] };
  });
}
