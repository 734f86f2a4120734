// An edge between two Dense layers drawn as its weights, as on TensorFlow Playground: one line per
// weight from its input unit to its unit, coloured by sign (blue positive, orange negative) and as
// wide as its magnitude. Larger kernels (up to 64 × 64) show as a matrix instead of a tangle.
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { divergingColor, sharedScale } from './heatmap';

/** Kernels up to this many weights are drawn as lines; more as a matrix only. */
export const MAX_LINES = 256;

export interface WeightLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  /** The weight's value, for tests and the title. */
  value: number;
}

/** Ends spread over at most `span` px around each handle: row i leaves the source, column j reaches the target. */
export function weightLines(
  w: NumberGrid,
  from: { x: number; y: number },
  to: { x: number; y: number },
  span = 64,
): WeightLine[] {
  if (w.rows * w.cols > MAX_LINES) return [];
  const scale = sharedScale([w.values]);
  const spread = (n: number, k: number) => (n === 1 ? 0 : (k / (n - 1) - 0.5) * Math.min(span, n * 6));
  const lines: WeightLine[] = [];
  for (let i = 0; i < w.rows; i++)
    for (let j = 0; j < w.cols; j++) {
      const value = w.values[i * w.cols + j]!;
      const t = value / scale;
      const [r, g, b] = divergingColor(Math.sign(t) * (0.35 + 0.65 * Math.abs(t)));
      lines.push({
        x1: from.x,
        y1: from.y + spread(w.rows, i),
        x2: to.x,
        y2: to.y + spread(w.cols, j),
        color: `rgb(${r},${g},${b})`,
        width: 0.4 + 2.6 * Math.abs(t),
        value,
      });
    }
  return lines;
}
