// Draws a surface as filled log-spaced contour bands and the optimizers' paths (up to a frame) on a canvas.
import { surfaceGrid, getSurface } from '../../../src-engine';
import type { LabPath } from './labRuns';

const BANDS = 18;

/** Light-to-dark blue ramp for the bands; the lowest values are the lightest. */
function bandColor(t: number): string {
  const l = 96 - t * 52;
  return `hsl(${210 - t * 20}, ${45 + t * 20}%, ${l}%)`;
}

export function drawSurface(ctx: CanvasRenderingContext2D, surfaceId: string, width: number, height: number): void {
  const res = 120;
  const grid = surfaceGrid(surfaceId, res);
  const flat = grid.values.flat();
  const min = Math.min(...flat);
  const max = Math.max(...flat);
  // Log spacing shows the valley floor; a plain scale would paint it one colour.
  const level = (v: number) => Math.log1p(v - min) / Math.log1p(max - min);
  const cw = width / res;
  const ch = height / res;
  for (let j = 0; j < res; j++) {
    for (let i = 0; i < res; i++) {
      const t = Math.floor(level(grid.values[j]![i]!) * BANDS) / BANDS;
      ctx.fillStyle = bandColor(t);
      // Row j is y ascending; the canvas's y runs down.
      ctx.fillRect(i * cw, height - (j + 1) * ch, cw + 0.5, ch + 0.5);
    }
  }
}

export function toCanvas(surfaceId: string, width: number, height: number): (x: number, y: number) => [number, number] {
  const { range } = getSurface(surfaceId);
  return (x, y) => [
    ((x - range.x[0]) / (range.x[1] - range.x[0])) * width,
    height - ((y - range.y[0]) / (range.y[1] - range.y[0])) * height,
  ];
}

export function drawPaths(
  ctx: CanvasRenderingContext2D,
  surfaceId: string,
  paths: readonly LabPath[],
  frame: number,
  width: number,
  height: number,
): void {
  const at = toCanvas(surfaceId, width, height);
  const surface = getSurface(surfaceId);
  if (surface.minimum) {
    const [mx, my] = at(...surface.minimum);
    ctx.fillStyle = '#212529';
    ctx.font = '16px sans-serif';
    ctx.fillText('★', mx - 6, my + 6);
  }
  // The plot's extent, since the canvas has no axes.
  ctx.fillStyle = 'rgba(33, 37, 41, 0.75)';
  ctx.font = '11px sans-serif';
  ctx.fillText(
    `x ${surface.range.x[0]} … ${surface.range.x[1]},  y ${surface.range.y[0]} … ${surface.range.y[1]}`,
    8,
    height - 8,
  );
  const [sx, sy] = at(...surface.start);
  ctx.fillStyle = '#212529';
  ctx.beginPath();
  ctx.arc(sx, sy, 4, 0, Math.PI * 2);
  ctx.fill();
  for (const path of paths) {
    const n = Math.max(1, Math.min(path.points.length, frame + 1));
    ctx.strokeStyle = path.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let k = 0; k < n; k++) {
      const [px, py] = at(path.points[k]!.x, path.points[k]!.y);
      // Clamp far-away points so a diverging path shows its direction instead of vanishing.
      const cx = Math.max(-20, Math.min(width + 20, px));
      const cy = Math.max(-20, Math.min(height + 20, py));
      if (k === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    }
    ctx.stroke();
    const head = path.points[n - 1]!;
    const [hx, hy] = at(head.x, head.y);
    ctx.fillStyle = path.color;
    ctx.beginPath();
    ctx.arc(hx, hy, 4.5, 0, Math.PI * 2);
    ctx.fill();
  }
}
