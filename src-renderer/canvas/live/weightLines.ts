// A Dense kernel drawn as its weights, as on TensorFlow Playground: one curve per weight from its
// input unit's tile to its unit's tile, coloured by sign (blue positive, orange negative), wider and
// more opaque the larger its magnitude on the layer's own scale. Weights are grouped into a few
// strokes by sign and magnitude, so a 64 × 64 kernel is 12 SVG paths, not 4,096 elements.
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { divergingColor, sharedScale } from './heatmap';

export interface Point {
  x: number;
  y: number;
}

/** Magnitude steps per sign: enough to read strong from weak, few enough to stay cheap. */
export const LEVELS = 6;

export interface WeightStroke {
  /** One SVG path of all the weights in this sign and magnitude step. */
  d: string;
  color: string;
  width: number;
  opacity: number;
  /** Weights in the stroke. */
  count: number;
  sign: 1 | -1;
  /** 0 (weakest) to LEVELS - 1 (the layer's largest weights). */
  level: number;
}

/** The stroke of a weight at `t` = |w| / the layer's largest |w|, in (0, 1]. */
export function levelOf(t: number): number {
  return Math.min(LEVELS - 1, Math.floor(t * LEVELS));
}

export function strokeStyle(sign: 1 | -1, level: number): Pick<WeightStroke, 'color' | 'width' | 'opacity'> {
  const t = (level + 1) / LEVELS;
  const [r, g, b] = divergingColor(sign * (0.5 + 0.5 * t));
  return { color: `rgb(${r},${g},${b})`, width: 0.5 + 3 * t * t, opacity: 0.3 + 0.7 * t };
}

/**
 * The strokes of kernel `w` (rows = inputs, cols = units): weight (i, j) runs from `from[i]` to
 * `to[j]` as a horizontal S-curve. Ordered weakest first, so the strongest weights are drawn on top.
 */
export function weightStrokes(w: NumberGrid, from: readonly Point[], to: readonly Point[]): WeightStroke[] {
  const scale = sharedScale([w.values]);
  const paths = new Map<number, string[]>();
  for (let i = 0; i < w.rows; i++)
    for (let j = 0; j < w.cols; j++) {
      const value = w.values[i * w.cols + j]!;
      const t = Number.isFinite(value) ? Math.abs(value) / scale : 0;
      const sign = value < 0 ? -1 : 1;
      const key = sign * (levelOf(t) + 1);
      const a = from[i]!;
      const b = to[j]!;
      const mx = ((a.x + b.x) / 2).toFixed(1);
      const segment = `M${a.x.toFixed(1)} ${a.y.toFixed(1)}C${mx} ${a.y.toFixed(1)} ${mx} ${b.y.toFixed(1)} ${b.x.toFixed(1)} ${b.y.toFixed(1)}`;
      const list = paths.get(key);
      if (list) list.push(segment);
      else paths.set(key, [segment]);
    }
  return [...paths.entries()]
    .map(([key, segments]) => {
      const sign: 1 | -1 = key < 0 ? -1 : 1;
      const level = Math.abs(key) - 1;
      return { d: segments.join(''), count: segments.length, sign, level, ...strokeStyle(sign, level) };
    })
    .sort((p, q) => p.level - q.level || p.sign - q.sign);
}
