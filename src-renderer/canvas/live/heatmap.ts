// Painting value grids into pixels, as TensorFlow Playground does: orange for negative, white for
// zero, blue for positive, so a unit's map, a weight and a filter read the same way everywhere.
import type { NumberGrid } from '../../../src-shared/engineEvents';

const NEGATIVE: [number, number, number] = [247, 103, 7];
const POSITIVE: [number, number, number] = [66, 99, 235];

/** RGB of a value in [-1, 1] (clamped): white at 0, full orange at -1, full blue at 1. */
export function divergingColor(t: number): [number, number, number] {
  const v = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const [r, g, b] = v < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(v);
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
}

/**
 * divergingColor as one opaque RGBA pixel for a Uint32Array view of ImageData (byte order R, G, B,
 * A on the little-endian machines browsers run on), without an array per call: unit maps paint
 * thousands of cells per update.
 */
export function divergingPixel(t: number): number {
  const v = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const c = v < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(v);
  return packRgb(Math.round(255 + (c[0] - 255) * a), Math.round(255 + (c[1] - 255) * a), Math.round(255 + (c[2] - 255) * a));
}

/** An opaque pixel of bytes 0..255 as one Uint32 of an ImageData view (R, G, B, A in memory, little-endian). */
export function packRgb(r: number, g: number, b: number): number {
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** The largest magnitude among the grids (1 when all are zero), so a layer's units share one scale. */
export function sharedScale(grids: ReadonlyArray<ArrayLike<number>>): number {
  let max = 0;
  for (const g of grids) for (let i = 0; i < g.length; i++) if (Number.isFinite(g[i]!)) max = Math.max(max, Math.abs(g[i]!));
  return max || 1;
}

/** Largest tile side: two output units should not fill the node. */
export const MAX_TILE = 24;

/** Where a set of equal square tiles sits: `cols` × `rows` cells of `cell` px, `gap` px apart, filled row by row. */
export interface TileLayout {
  cols: number;
  rows: number;
  cell: number;
  gap: number;
  width: number;
  height: number;
}

function layoutOf(cols: number, rows: number, cell: number, gap: number): TileLayout {
  return { cols, rows, cell, gap, width: cols * cell + (cols - 1) * gap, height: rows * cell + (rows - 1) * gap };
}

/**
 * Tiles of `count` equal squares fitted to `width` with `gap` between them: at most two rows up to
 * 16 units and four up to 64, so a node grows by less than the layout's gap between rows of nodes.
 */
export function tileLayout(
  count: number,
  width: number,
  gap = 2,
  cols = Math.max(1, count <= 4 ? count : count <= 16 ? Math.ceil(count / 2) : Math.ceil(count / 4)),
): TileLayout {
  const rows = Math.ceil(count / cols);
  const cell = Math.max(3, Math.min(MAX_TILE, Math.floor((width - gap * (cols - 1)) / cols)));
  return layoutOf(cols, rows, cell, gap);
}

/** Most units stacked in one column; a wider layer takes more columns. */
export const COLUMN_UNITS = 16;
/** The height a layer's column of units aims at, whatever its count (8 units: 24 px tiles, as large as tiles get). */
const COLUMN_HEIGHT = 224;

/**
 * A layer's units stacked top to bottom, as on TensorFlow Playground, so each unit's weight lines
 * can meet its own tile: one column up to 16 units, then up to four columns of 16 rows.
 */
export function unitColumn(count: number): TileLayout {
  const cols = Math.max(1, Math.ceil(count / COLUMN_UNITS));
  const rows = Math.max(1, Math.ceil(count / cols));
  const gap = rows <= 4 ? 6 : rows <= 8 ? 4 : 2;
  const cell = Math.max(4, Math.min(MAX_TILE, Math.floor((COLUMN_HEIGHT - gap * (rows - 1)) / rows)));
  return layoutOf(cols, rows, cell, gap);
}

/**
 * Where unit `i`'s weight lines meet its tile, relative to the tiles' top-left corner: the left edge
 * for lines coming in, the right edge for lines going out. In one column that is the tile's middle;
 * with several columns the units of a row share its edge, each a little lower than the one before.
 */
export function unitAnchor(layout: TileLayout, i: number, side: 'in' | 'out'): { x: number; y: number } {
  const row = Math.floor(i / layout.cols);
  const col = i % layout.cols;
  return {
    x: side === 'in' ? 0 : layout.width,
    y: row * (layout.cell + layout.gap) + (layout.cell * (col + 0.5)) / layout.cols,
  };
}

/**
 * Paints one grid into `image` at (left, top), `size` pixels square, nearest cell per pixel.
 * `flipY` puts grid row 0 at the bottom (the input plane's lowest y, as on the output panel).
 */
export function paintGrid(
  image: ImageData,
  grid: NumberGrid,
  left: number,
  top: number,
  width: number,
  height: number,
  scale: number,
  flipY = false,
): void {
  // One colour per cell, then copied to its pixels: a 16 × 16 grid needs 256 colours, not one per pixel.
  const colors = new Uint32Array(grid.rows * grid.cols);
  for (let k = 0; k < colors.length; k++) colors[k] = divergingPixel(grid.values[k]! / scale);
  const columnOf = new Int32Array(width);
  for (let px = 0; px < width; px++) columnOf[px] = Math.min(grid.cols - 1, Math.floor((px / width) * grid.cols));
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
  for (let py = 0; py < height; py++) {
    const gy = Math.min(grid.rows - 1, Math.floor((py / height) * grid.rows));
    const row = (flipY ? grid.rows - 1 - gy : gy) * grid.cols;
    let o = (top + py) * image.width + left;
    for (let px = 0; px < width; px++, o++) pixels[o] = colors[row + columnOf[px]!]!;
  }
}

/** Paints grids as tiles into a fresh image laid out by `layout` (one putImageData per canvas, however many units). */
export function tileImage(
  ctx: CanvasRenderingContext2D,
  grids: readonly NumberGrid[],
  layout: TileLayout,
  options: { scale?: number; flipY?: boolean; perTile?: boolean } = {},
): ImageData {
  const { cols, cell, gap } = layout;
  const image = ctx.createImageData(Math.max(1, layout.width), Math.max(1, layout.height));
  const scale = options.scale ?? sharedScale(grids.map((g) => g.values));
  grids.forEach((g, i) =>
    paintGrid(
      image,
      g,
      (i % cols) * (cell + gap),
      Math.floor(i / cols) * (cell + gap),
      cell,
      cell,
      options.perTile ? sharedScale([g.values]) : scale,
      options.flipY,
    ),
  );
  return image;
}
