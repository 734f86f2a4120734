// Lines go to ECharts as flat Float64Arrays (copied in one slice at each redraw), with the
// dimensions ECharts needs to read them; anything else goes as it was. (The e2e tests draw them.)
import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts/charts';
import { packSeries } from '../../src-renderer/charts/packedSeries';

describe('packSeries', () => {
  it('packs [x, y] pairs into x0, y0, x1, y1, … and keeps the rest of the series', () => {
    const [packed] = packSeries([
      {
        id: 'train',
        type: 'line',
        name: 'train loss',
        data: [
          [1, 0.5],
          [2, 0.25],
          [3, 1e-7],
        ],
      },
    ]);
    expect(packed).toMatchObject({ id: 'train', type: 'line', name: 'train loss', dimensions: ['x', 'y'] });
    expect(packed!.data).toBeInstanceOf(Float64Array);
    expect(Array.from(packed!.data as unknown as Float64Array)).toEqual([1, 0.5, 2, 0.25, 3, 1e-7]);
  });

  it('leaves data that is not all pairs of numbers as it is', () => {
    const series: LineSeriesOption[] = [
      { type: 'line', data: [[1, 2], { value: [2, 3] }] },
      { type: 'line', data: [1, 2, 3] },
      { type: 'line', data: [[1, 2, 3]] },
      { type: 'line' },
    ];
    const packed = packSeries(series);
    packed.forEach((s, i) => expect(s).toBe(series[i]));
  });

  it('packs an empty line as an empty array', () => {
    const [packed] = packSeries([{ type: 'line', data: [] }]);
    expect(packed!.data).toEqual(new Float64Array(0));
  });
});
