// Unit maps, decision boundaries and regression surfaces are painted through a Uint32Array view of the image, one packed pixel per cell colour:
// the bytes must be exactly divergingColor's RGB, opaque, at the right place.
import { describe, expect, it } from 'vitest';
import { divergingColor, divergingPixel, paintGrid } from '../../src-renderer/canvas/live/heatmap';
import { classColor, drawBoundary, drawSurface } from '../../src-renderer/insight/boundaryCanvas';

const bytesOf = (pixel: number) => [...new Uint8Array(Uint32Array.of(pixel).buffer)];

describe('heatmap pixels', () => {
  it('packs divergingColor into R, G, B, A bytes for every value, clamped and finite', () => {
    for (let t = -1.5; t <= 1.5; t += 0.01) expect(bytesOf(divergingPixel(t))).toEqual([...divergingColor(t), 255]);
    expect(bytesOf(divergingPixel(Number.NaN))).toEqual([255, 255, 255, 255]);
  });

  it('paints each cell of a grid over its pixels, row 0 at the bottom when flipped, leaving the rest alone', () => {
    const width = 6;
    const height = 5;
    const image = { width, height, data: new Uint8ClampedArray(width * height * 4) } as unknown as ImageData;
    // A 2 × 2 grid: -1, 1 in row 0; 0.5, -0.5 in row 1; painted 4 × 4 at (1, 1), scale 1.
    paintGrid(image, { rows: 2, cols: 2, values: [-1, 1, 0.5, -0.5] }, 1, 1, 4, 4, 1, true);
    const at = (x: number, y: number) => pixel(image, x, y);
    // Flipped: grid row 1 is on top.
    expect(at(1, 1)).toEqual([...divergingColor(0.5), 255]);
    expect(at(4, 2)).toEqual([...divergingColor(-0.5), 255]);
    expect(at(2, 3)).toEqual([...divergingColor(-1), 255]);
    expect(at(3, 4)).toEqual([...divergingColor(1), 255]);
    // Outside the tile: untouched.
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    expect(at(5, 4)).toEqual([0, 0, 0, 0]);
  });

  it('paints a decision boundary cell by cell: class colour, paler where unsure, grid row 0 at the bottom', () => {
    const { ctx, image } = fakeCanvas();
    // Row 0 (bottom): class 0 sure, class 1 unsure; row 1 (top): class 1 sure, class 0 at p(1) = 0.1.
    drawBoundary(
      ctx,
      {
        xs: [0, 1],
        ys: [0, 1],
        predicted: [
          [0, 1],
          [1, 0],
        ],
        confidence: [
          [1, 0.5],
          [1, 0.1],
        ],
      },
      [],
      4,
      4,
    );
    const at = (x: number, y: number) => pixel(image(), x, y);
    const mix = (cls: number, strength: number) => {
      const n = parseInt(classColor(cls).slice(1), 16);
      const channels = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => 255 + (c - 255) * strength);
      return [...Uint8ClampedArray.from([...channels, 255])];
    };
    expect(at(0, 3)).toEqual(mix(0, 0.7));
    expect(at(3, 2)).toEqual(mix(1, 0.15));
    expect(at(1, 0)).toEqual(mix(1, 0.7));
    // p(class 1) = 0.1 predicted as class 0: 90 % sure of class 0.
    expect(at(2, 1)).toEqual(mix(0, 0.15 + 0.55 * 0.8));
  });

  it('paints a regression surface in the diverging colours, paler than the points', () => {
    const { ctx, image } = fakeCanvas();
    drawSurface(
      ctx,
      {
        xs: [0, 1],
        ys: [0, 1],
        predicted: [],
        confidence: [],
        values: [
          [-2, 2],
          [0, 1],
        ],
      },
      [],
      2,
      2,
    );
    const at = (x: number, y: number) => pixel(image(), x, y);
    // Values span -2..2: -2 → t = -1, shown at 0.75 of full colour.
    expect(at(0, 1)).toEqual([...divergingColor(-0.75), 255]);
    expect(at(1, 1)).toEqual([...divergingColor(0.75), 255]);
    expect(at(0, 0)).toEqual([...divergingColor(0), 255]);
    expect(at(1, 0)).toEqual([...divergingColor(0.375), 255]);
  });
});

/** A 2-D context that keeps the image put on it and ignores the points drawn over it. */
function fakeCanvas() {
  let put: ImageData | null = null;
  const methods: Record<string, unknown> = {
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: (image: ImageData) => (put = image),
  };
  const ctx = new Proxy(methods, { get: (target, key: string) => target[key] ?? (() => undefined), set: () => true });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, image: () => put! };
}

/** The R, G, B, A bytes of pixel (x, y). */
function pixel(image: ImageData, x: number, y: number): number[] {
  const o = (y * image.width + x) * 4;
  return [...image.data.subarray(o, o + 4)];
}
