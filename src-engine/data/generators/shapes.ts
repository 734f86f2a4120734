// Small grey images of one shape each (square, circle or triangle) at a random place and size:
// the class and the bounding box are the targets, for classification plus localisation.
import { makeDataset } from '../make-dataset';
import { classShare, resolveOptions, type GeneratorInfo, type GeneratorOptions } from './common';
import { permutation, type Random } from '../random';
import type { Dataset } from '../types';
import type { TargetColumn } from '../../../src-shared/api';

/** Side of the square images, in pixels. */
export const SHAPES_SIZE = 16;
const SHAPE_NAMES = ['square', 'circle', 'triangle'];

export const SHAPES_TARGETS: TargetColumn[] = [
  { name: 'shape', classes: SHAPE_NAMES },
  { name: 'x' },
  { name: 'y' },
  { name: 'w' },
  { name: 'h' },
];

export const shapesInfo: GeneratorInfo = {
  id: 'shapes',
  name: 'Shapes (class and box)',
  description:
    `${SHAPES_SIZE}×${SHAPES_SIZE} grey images, each with one square, circle or triangle at a random place and size. ` +
    'Targets: the shape, and its bounding box x, y (top-left corner), w, h as fractions of the image. ' +
    'Noise adds Gaussian pixel noise of that standard deviation.',
  task: 'regression',
  inputShape: [SHAPES_SIZE, SHAPES_SIZE, 1],
  featureNames: [],
  defaults: { samples: 600, noise: 0.05 },
};

/** Whether pixel centre (px, py) lies inside the shape of class c in box (x0, y0, side). */
function inside(c: number, px: number, py: number, x0: number, y0: number, side: number): boolean {
  const u = (px - x0) / side;
  const v = (py - y0) / side;
  if (u < 0 || u > 1 || v < 0 || v > 1) return false;
  if (c === 0) return true;
  if (c === 1) return (u - 0.5) ** 2 + (v - 0.5) ** 2 <= 0.25;
  // An upright triangle: apex at the top middle, base along the bottom.
  return Math.abs(u - 0.5) <= v / 2;
}

function drawShape(c: number, random: Random, noise: number, pixels: Float32Array, offset: number): number[] {
  const side = 5 + random.int(SHAPES_SIZE - 6); // 5 … 14 pixels
  const x0 = random.int(SHAPES_SIZE - side + 1);
  const y0 = random.int(SHAPES_SIZE - side + 1);
  for (let row = 0; row < SHAPES_SIZE; row++) {
    for (let col = 0; col < SHAPES_SIZE; col++) {
      const on = inside(c, col + 0.5, row + 0.5, x0, y0, side) ? 1 : 0;
      pixels[offset + row * SHAPES_SIZE + col] = on + (noise > 0 ? noise * random.normal() : 0);
    }
  }
  const s = SHAPES_SIZE;
  return [c, x0 / s, y0 / s, side / s, side / s];
}

export function generateShapes(options?: GeneratorOptions): Dataset {
  const { samples, noise, random } = resolveOptions({ ...shapesInfo, classNames: SHAPE_NAMES }, options);
  const pixelsPerImage = SHAPES_SIZE * SHAPES_SIZE;
  const width = SHAPES_TARGETS.length;
  const x = new Float32Array(samples * pixelsPerImage);
  const y = new Float32Array(samples * width);
  // Equal shares per class, in a shuffled order so the classes interleave.
  const classes = Int32Array.from({ length: samples });
  let row = 0;
  for (let c = 0; c < SHAPE_NAMES.length; c++)
    for (let i = 0; i < classShare(samples, SHAPE_NAMES.length, c); i++) classes[row++] = c;
  const order = permutation(samples, random);
  for (let r = 0; r < samples; r++) {
    const target = drawShape(classes[order[r]], random, noise, x, r * pixelsPerImage);
    y.set(target, r * width);
  }
  return makeDataset({
    id: shapesInfo.id,
    name: shapesInfo.name,
    description: shapesInfo.description,
    task: 'regression',
    inputShape: [...shapesInfo.inputShape],
    targetShape: [width],
    targetColumns: SHAPES_TARGETS.map((t) => ({ ...t })),
    x,
    y,
    count: samples,
  });
}
