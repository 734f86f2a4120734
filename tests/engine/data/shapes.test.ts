// The shapes dataset: one square, circle or triangle per image, its class and box as targets.
import { describe, expect, it } from 'vitest';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { SHAPES_SIZE } from '../../../src-engine/data/generators/shapes';

describe('shapes dataset', () => {
  const ds = createGeneratedDataset('shapes', { samples: 90, noise: 0, seed: 5 });
  const pixels = SHAPES_SIZE * SHAPES_SIZE;

  it('is deterministic by seed', () => {
    expect(createGeneratedDataset('shapes', { samples: 90, noise: 0, seed: 5 }).hash).toBe(ds.hash);
    expect(createGeneratedDataset('shapes', { samples: 90, noise: 0, seed: 6 }).hash).not.toBe(ds.hash);
  });

  it('has equal classes and names its target columns', () => {
    expect(ds.targetShape).toEqual([5]);
    expect(ds.targetColumns!.map((c) => c.name)).toEqual(['shape', 'x', 'y', 'w', 'h']);
    const counts = [0, 0, 0];
    for (let i = 0; i < ds.count; i++) counts[ds.y[i * 5]]++;
    expect(counts).toEqual([30, 30, 30]);
  });

  it('draws each shape inside its box, filling a square fully and a circle or triangle partly', () => {
    for (let i = 0; i < ds.count; i++) {
      const [c, x, y, w, h] = ds.y.subarray(i * 5, i * 5 + 5);
      const [x0, y0, side] = [x * SHAPES_SIZE, y * SHAPES_SIZE, w * SHAPES_SIZE];
      expect(w).toBe(h);
      expect(x0 + side).toBeLessThanOrEqual(SHAPES_SIZE);
      expect(y0 + side).toBeLessThanOrEqual(SHAPES_SIZE);
      let on = 0;
      let outside = 0;
      for (let r = 0; r < SHAPES_SIZE; r++)
        for (let col = 0; col < SHAPES_SIZE; col++) {
          const v = ds.x[i * pixels + r * SHAPES_SIZE + col];
          on += v;
          if (v && (r < y0 || r >= y0 + side || col < x0 || col >= x0 + side)) outside++;
        }
      expect(outside).toBe(0);
      const fill = on / (side * side);
      if (c === 0) expect(fill).toBe(1);
      else if (c === 1) expect(fill).toBeGreaterThan(0.6);
      else expect(fill).toBeGreaterThan(0.3);
      if (c !== 0) expect(fill).toBeLessThan(0.9);
    }
  });
});
