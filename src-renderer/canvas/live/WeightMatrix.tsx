// A kernel as a small matrix beside its edge: rows are the input units, columns the layer's units.
import { useEffect, useRef } from 'react';
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { paintGrid, sharedScale } from './heatmap';

/** Side of one weight's cell: the matrix is at most `maxSide` px on a side (64 × 64 kernels at 1 px). */
export function cellSize(w: NumberGrid, maxSide = 80): number {
  return Math.max(1, Math.min(6, Math.floor(maxSide / Math.max(w.rows, w.cols))));
}

export function WeightMatrix({ weights, testId, maxSide }: { weights: NumberGrid; testId: string; maxSide?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const cell = cellSize(weights, maxSide);
  const width = weights.cols * cell;
  const height = weights.rows * cell;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    paintGrid(image, weights, 0, 0, width, height, sharedScale([weights.values]));
    ctx.putImageData(image, 0, 0);
  }, [weights, width, height]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      data-testid={testId}
      role="img"
      aria-label={`weights ${weights.rows} × ${weights.cols}: rows are inputs, columns units; blue positive, orange negative`}
    />
  );
}
