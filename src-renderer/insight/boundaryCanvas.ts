// Draws a decision boundary: each grid cell in its predicted class's colour, paler where the
// model is unsure, with the dataset's points on top.
import type { InsightEvent } from '../../src-shared/engineEvents';
import { SERIES_COLORS } from '../charts/chartTheme';
import { divergingColor, divergingPixel, packRgb } from '../canvas/live/heatmap';

type Boundary = NonNullable<InsightEvent['boundary']>;

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function classColor(label: number): string {
  return SERIES_COLORS[label % SERIES_COLORS.length]!;
}

type Point = { x: number; y: number; label: number };

/** The boundary when there is one; before the first epoch, the points alone over their own padded range. */
export function drawOutput(
  ctx: CanvasRenderingContext2D,
  boundary: Boundary | undefined,
  points: readonly Point[],
  width: number,
  height: number,
  background: string,
  regression = false,
): void {
  if (boundary?.values) return drawSurface(ctx, { ...boundary, values: boundary.values }, points, width, height);
  if (boundary) return drawBoundary(ctx, boundary, points, width, height);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  if (!points.length) return;
  const range = (values: number[]): [number, number] => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = (hi - lo || 1) * 0.1;
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = range(points.map((p) => p.x));
  const [y0, y1] = range(points.map((p) => p.y));
  const { lo, hi } = valueRange([], points);
  const valueColor = (v: number) => {
    const [r, g, b] = divergingColor(((v - lo) / (hi - lo || 1)) * 2 - 1);
    return `rgb(${r},${g},${b})`;
  };
  drawPoints(
    ctx,
    points,
    (x) => ((x - x0) / (x1 - x0)) * width,
    (y) => height - ((y - y0) / (y1 - y0)) * height,
    regression ? valueColor : classColor,
  );
}

function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: readonly Point[],
  px: (x: number) => number,
  py: (y: number) => number,
  color: (label: number) => string = classColor,
): void {
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(px(p.x), py(p.y), 3.2, 0, Math.PI * 2);
    ctx.fillStyle = color(p.label);
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
}

/** Regression over the plane: each cell coloured by the predicted value (orange low, blue high), the points by their target on the same scale. */
export function drawSurface(
  ctx: CanvasRenderingContext2D,
  boundary: Boundary & { values: number[][] },
  points: readonly Point[],
  width: number,
  height: number,
): void {
  const rows = boundary.ys.length;
  const cols = boundary.xs.length;
  const { lo, hi } = valueRange(boundary.values, points);
  const t = (v: number) => ((v - lo) / (hi - lo || 1)) * 2 - 1;
  // Paler than the points, so they stand out on the surface.
  const cells = new Uint32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) cells[r * cols + c] = divergingPixel(0.75 * t(boundary.values[r]![c]!));
  paintCells(ctx, cells, rows, cols, width, height);
  const [x0, x1] = [boundary.xs[0]!, boundary.xs[cols - 1]!];
  const [y0, y1] = [boundary.ys[0]!, boundary.ys[rows - 1]!];
  drawPoints(
    ctx,
    points,
    (x) => ((x - x0) / (x1 - x0)) * width,
    (y) => height - ((y - y0) / (y1 - y0)) * height,
    (v) => {
      const [cr, cg, cb] = divergingColor(t(v));
      return `rgb(${cr},${cg},${cb})`;
    },
  );
}

/** The colour scale's ends: the targets' range widened to the surface's (a wild surface still shows where it is wrong). */
export function valueRange(values: readonly number[][], points: readonly Point[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.label);
    hi = Math.max(hi, p.label);
  }
  for (const row of values)
    for (const v of row)
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo)) return { lo: -1, hi: 1 };
  // Symmetric around zero when the data straddles it, so white means zero.
  if (lo < 0 && hi > 0) {
    const m = Math.max(-lo, hi);
    return { lo: -m, hi: m };
  }
  return { lo, hi };
}

export function drawBoundary(
  ctx: CanvasRenderingContext2D,
  boundary: Boundary,
  points: ReadonlyArray<{ x: number; y: number; label: number }>,
  width: number,
  height: number,
): void {
  const rows = boundary.ys.length;
  const cols = boundary.xs.length;
  // One colour per grid cell (1,600 of them), copied to the cell's pixels.
  const palette = new Map<number, [number, number, number]>();
  const cells = new Uint32Array(rows * cols);
  const channel = new Uint8ClampedArray(3);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cls = boundary.predicted[r]![c]!;
      const conf = boundary.confidence[r]![c]!;
      // Two-class sigmoid outputs give p(class 1); fold it so 0.5 is "unsure" either way.
      const sure = Math.max(0, Math.min(1, cls === 0 && conf < 0.5 ? 1 - conf : conf));
      const strength = 0.15 + 0.55 * Math.max(0, (sure - 0.5) * 2);
      let base = palette.get(cls);
      if (!base) palette.set(cls, (base = rgb(classColor(cls))));
      // Stored as the image's own bytes would round them.
      channel[0] = 255 + (base[0] - 255) * strength;
      channel[1] = 255 + (base[1] - 255) * strength;
      channel[2] = 255 + (base[2] - 255) * strength;
      cells[r * cols + c] = packRgb(channel[0]!, channel[1]!, channel[2]!);
    }
  paintCells(ctx, cells, rows, cols, width, height);
  const [x0, x1] = [boundary.xs[0]!, boundary.xs[cols - 1]!];
  const [y0, y1] = [boundary.ys[0]!, boundary.ys[rows - 1]!];
  drawPoints(
    ctx,
    points,
    (x) => ((x - x0) / (x1 - x0)) * width,
    (y) => height - ((y - y0) / (y1 - y0)) * height,
  );
}

/**
 * Fills the canvas with a grid's cells, one packed pixel each (`cells`, row 0 = the lowest y), each
 * copied to its pixels through a Uint32Array view of the image: one store per pixel.
 */
function paintCells(
  ctx: CanvasRenderingContext2D,
  cells: Uint32Array,
  rows: number,
  cols: number,
  width: number,
  height: number,
): void {
  const image = ctx.createImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const columnOf = new Int32Array(width);
  for (let px = 0; px < width; px++) columnOf[px] = Math.min(cols - 1, Math.floor((px / width) * cols));
  for (let py = 0; py < height; py++) {
    // The canvas's y runs down.
    const row = Math.min(rows - 1, Math.floor(((height - 1 - py) / height) * rows)) * cols;
    let o = py * width;
    for (let px = 0; px < width; px++, o++) pixels[o] = cells[row + columnOf[px]!]!;
  }
  ctx.putImageData(image, 0, 0);
}
