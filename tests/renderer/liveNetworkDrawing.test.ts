// The arithmetic behind what the editor draws inside the nodes and on the edges (issue #16, item 2)
// and the regression surface's colour scale (item 1): pure functions, no canvas needed.
import { describe, expect, it } from 'vitest';
import {
  divergingColor,
  paintGrid,
  sharedScale,
  tileLayout,
  unitAnchor,
  unitColumn,
  MAX_TILE,
} from '../../src-renderer/canvas/live/heatmap';
import { LEVELS, levelOf, weightStrokes } from '../../src-renderer/canvas/live/weightLines';
import { cellSize } from '../../src-renderer/canvas/live/WeightMatrix';
import { sparklinePoints } from '../../src-renderer/canvas/live/sparkline';
import { valueRange } from '../../src-renderer/insight/boundaryCanvas';
import { markValidation } from '../../src-renderer/insight/outputPoints';

/** A stand-in for ImageData (the DOM's is not in Node). */
function image(width: number, height: number): ImageData {
  return { width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' } as ImageData;
}

describe('heatmap colours and tiles', () => {
  it('is white at zero, blue for positive, orange for negative, clamped beyond ±1', () => {
    expect(divergingColor(0)).toEqual([255, 255, 255]);
    expect(divergingColor(1)).toEqual([66, 99, 235]);
    expect(divergingColor(-1)).toEqual([247, 103, 7]);
    expect(divergingColor(-7)).toEqual(divergingColor(-1));
    expect(divergingColor(Number.NaN)).toEqual([255, 255, 255]);
  });

  it('shares one scale across a layer’s units', () => {
    expect(sharedScale([[0.5, -2], [1]])).toBe(2);
    expect(sharedScale([[0, 0]])).toBe(1);
  });

  it('tiles 8 and 16 units in two rows, 64 in four, and keeps two output units small', () => {
    expect(tileLayout(8, 148)).toMatchObject({ cols: 4, rows: 2, cell: MAX_TILE });
    expect(tileLayout(16, 148)).toMatchObject({ cols: 8, rows: 2, cell: 16 });
    const wide = tileLayout(64, 148);
    expect(wide).toMatchObject({ cols: 16, rows: 4 });
    expect(wide.width).toBeLessThanOrEqual(148);
    expect(wide.height).toBeLessThan(40);
    expect(tileLayout(2, 148).cell).toBe(MAX_TILE);
  });

  it('paints grid row 0 at the bottom when asked (the plane’s lowest y)', () => {
    const img = image(2, 2);
    paintGrid(img, { rows: 2, cols: 1, values: [1, -1] }, 0, 0, 2, 2, 1, true);
    // Top-left pixel shows row 1 (-1: orange); bottom-left shows row 0 (+1: blue).
    expect(Array.from(img.data.slice(0, 3))).toEqual([247, 103, 7]);
    expect(Array.from(img.data.slice(8, 11))).toEqual([66, 99, 235]);
  });
});

describe('a layer’s units in a column, where their weight lines meet them', () => {
  it('stacks up to 16 units in one column, then up to four columns for 64', () => {
    expect(unitColumn(2)).toMatchObject({ cols: 1, rows: 2, cell: MAX_TILE });
    expect(unitColumn(8)).toMatchObject({ cols: 1, rows: 8, cell: MAX_TILE });
    const sixteen = unitColumn(16);
    expect(sixteen).toMatchObject({ cols: 1, rows: 16 });
    expect(sixteen.cell).toBeGreaterThanOrEqual(10);
    expect(unitColumn(40)).toMatchObject({ cols: 3, rows: 14 });
    const wide = unitColumn(64);
    expect(wide).toMatchObject({ cols: 4, rows: 16 });
    // A node stays within a Playground column's height, however wide the layer.
    for (const n of [1, 3, 8, 16, 33, 64]) expect(unitColumn(n).height).toBeLessThanOrEqual(224);
    expect(wide.width).toBeLessThan(148);
  });

  it('meets a tile at its middle, on the left for lines coming in and on the right for lines going out', () => {
    const layout = unitColumn(8);
    const pitch = layout.cell + layout.gap;
    expect(unitAnchor(layout, 0, 'in')).toEqual({ x: 0, y: layout.cell / 2 });
    expect(unitAnchor(layout, 3, 'out')).toEqual({ x: layout.cell, y: 3 * pitch + layout.cell / 2 });
  });

  it('gives the units sharing a row of several columns their own heights on the row’s edge, in unit order', () => {
    const layout = unitColumn(40);
    const ys = Array.from({ length: 40 }, (_, i) => unitAnchor(layout, i, 'in').y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]!);
    const last = ys[ys.length - 1]!;
    expect(last).toBeLessThan(layout.height);
    expect(unitAnchor(layout, 5, 'out').x).toBe(layout.width);
  });
});

describe('weights on the edges', () => {
  const from = [
    { x: 0, y: 10 },
    { x: 0, y: 40 },
  ];
  const to = [
    { x: 100, y: 0 },
    { x: 100, y: 30 },
  ];

  it('runs weight (i, j) from input unit i to unit j, coloured by sign and stronger with magnitude', () => {
    const strokes = weightStrokes({ rows: 2, cols: 2, values: [1, -0.5, 0, 0.25] }, from, to);
    expect(strokes.reduce((n, s) => n + s.count, 0)).toBe(4);
    const strongest = strokes[strokes.length - 1]!;
    // w₀₀ = 1 is the layer's largest: the top level, blue, drawn last (on top), from (0, 10) to (100, 0).
    expect(strongest).toMatchObject({ sign: 1, level: LEVELS - 1, count: 1, color: 'rgb(66,99,235)' });
    expect(strongest.d).toBe('M0.0 10.0C50.0 10.0 50.0 0.0 100.0 0.0');
    const negative = strokes.find((s) => s.sign === -1)!;
    // w₀₁ = -0.5: orange, from input 0 to unit 1, half as strong.
    expect(negative.d).toBe('M0.0 10.0C50.0 10.0 50.0 30.0 100.0 30.0');
    expect(negative.color).toMatch(/^rgb\(2\d\d,\d+,\d+\)$/);
    expect(negative.level).toBe(levelOf(0.5));
    expect(negative.width).toBeLessThan(strongest.width);
    expect(negative.opacity).toBeLessThan(strongest.opacity);
    // Weakest first: the zero weight and 0.25 sit below.
    expect(strokes.map((s) => s.level)).toEqual([...strokes.map((s) => s.level)].sort((a, b) => a - b));
  });

  it('scales each layer on its own: a layer of small weights still shows its strongest at full strength', () => {
    const small = weightStrokes({ rows: 2, cols: 2, values: [0.01, 0.002, -0.01, 0] }, from, to);
    expect(small.filter((s) => s.level === LEVELS - 1).reduce((n, s) => n + s.count, 0)).toBe(2);
  });

  it('groups a 64 × 64 kernel into at most two strokes per magnitude step', () => {
    const values = Array.from({ length: 64 * 64 }, (_, k) => Math.sin(k * 1.7));
    const ends = Array.from({ length: 64 }, (_, i) => ({ x: 0, y: i }));
    const strokes = weightStrokes(
      { rows: 64, cols: 64, values },
      ends,
      ends.map((p) => ({ x: 50, y: p.y })),
    );
    expect(strokes.length).toBeLessThanOrEqual(2 * LEVELS);
    expect(strokes.reduce((n, s) => n + s.count, 0)).toBe(4096);
  });

  it('fits a matrix of 64 × 64 in 80 px (kernels beside an edge without unit tiles)', () => {
    expect(cellSize({ rows: 64, cols: 64, values: [] })).toBe(1);
    expect(cellSize({ rows: 20, cols: 8, values: [] })).toBe(4);
  });
});

describe('the gradient-norm sparkline', () => {
  it('spreads the epochs across the width, on a log scale', () => {
    const pts = sparklinePoints([1, 10, 100], 104, 24, true)
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(pts.map((p) => p[0])).toEqual([2, 52, 102]);
    // Equal steps in log10: the middle point is halfway up.
    expect(pts[1]![1]).toBeCloseTo((pts[0]![1]! + pts[2]![1]!) / 2, 5);
    expect(pts[2]![1]).toBeLessThan(pts[0]![1]!);
  });
});

describe('the regression surface', () => {
  it('puts white at zero when the targets straddle it, and widens the scale to a wild surface', () => {
    const points = [
      { x: 0, y: 0, label: -0.5 },
      { x: 1, y: 1, label: 1 },
    ];
    expect(valueRange([[0.2]], points)).toEqual({ lo: -1, hi: 1 });
    expect(valueRange([[3]], points)).toEqual({ lo: -3, hi: 3 });
    expect(
      valueRange(
        [],
        [
          { x: 0, y: 0, label: 2 },
          { x: 0, y: 0, label: 5 },
        ],
      ),
    ).toEqual({ lo: 2, hi: 5 });
  });

  it('marks the held-back points of a regression dataset too (the test-data toggle)', () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ x: i, y: -i, label: i / 50 }));
    const marked = markValidation(points, { id: 'plane', task: 'regression', count: 50, classNames: undefined }, 0.2, 1)!;
    expect(marked.filter((p) => p.validation)).toHaveLength(10);
  });
});
