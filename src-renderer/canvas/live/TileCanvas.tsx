// One canvas holding a set of small heatmaps (a layer's units, a conv layer's filters or maps):
// one ImageData per redraw, however many tiles.
import { useEffect, useRef } from 'react';
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { tileImage, tileLayout } from './heatmap';

interface Props {
  grids: readonly NumberGrid[];
  width: number;
  flipY?: boolean;
  cols?: number;
  label: string;
  testId?: string;
  /** Each tile on its own scale (feature maps: a weak map still shows its pattern). */
  perTile?: boolean;
}

export function TileCanvas({ grids, width, flipY, cols, label, testId, perTile }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const layout = tileLayout(grids.length, width, 2, cols);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !grids.length) return;
    ctx.putImageData(tileImage(ctx, grids, width, { flipY, cols, perTile }), 0, 0);
    // Counted for the UI benchmark's redraw rate (a data attribute costs nothing to read).
    const el = ref.current!;
    el.dataset.draws = String(Number(el.dataset.draws ?? 0) + 1);
  }, [grids, width, flipY, cols, perTile]);
  return (
    <canvas
      ref={ref}
      className="node-tiles"
      width={Math.max(1, layout.width)}
      height={Math.max(1, layout.height)}
      aria-label={label}
      role="img"
      data-testid={testId}
      data-tiles={grids.length}
    />
  );
}
