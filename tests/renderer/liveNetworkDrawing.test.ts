// The arithmetic behind what the editor draws inside the nodes and on the edges (issue #16, item 2)
// and the regression surface's colour scale (item 1): pure functions, no canvas needed.
import { describe, expect, it } from 'vitest';
import { divergingColor, paintGrid, sharedScale, tileLayout, MAX_TILE } from '../../src-renderer/canvas/live/heatmap';
import { MAX_LINES, weightLines } from '../../src-renderer/canvas/live/weightLines';
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

describe('weights on the edges', () => {
  it('draws one line per weight, input unit i to unit j, coloured by sign and as wide as its magnitude', () => {
    const lines = weightLines({ rows: 2, cols: 2, values: [1, -0.5, 0, 0.25] }, { x: 0, y: 100 }, { x: 200, y: 100 });
    expect(lines).toHaveLength(4);
    const [w00, w01, w10] = lines as [(typeof lines)[0], (typeof lines)[0], (typeof lines)[0]];
    expect(w00.color).toBe('rgb(66,99,235)');
    expect(w01.color).toMatch(/^rgb\(2\d\d,\d+,\d+\)$/);
    expect(w00.width).toBeGreaterThan(w01.width);
    expect(w01.width).toBeGreaterThan(w10.width);
    // Row 0 leaves above row 1; column 1 arrives below column 0.
    expect(w00.y1).toBeLessThan(w10.y1);
    expect(w01.y2).toBeGreaterThan(w00.y2);
  });

  it('leaves kernels over the line limit to the matrix, which still fits 64 × 64 in 80 px', () => {
    const big = { rows: 20, cols: 20, values: new Array<number>(400).fill(0.1) };
    expect(big.rows * big.cols).toBeGreaterThan(MAX_LINES);
    expect(weightLines(big, { x: 0, y: 0 }, { x: 1, y: 0 })).toEqual([]);
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
