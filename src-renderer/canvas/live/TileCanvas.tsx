// One canvas holding a set of small heatmaps (a layer's units, a conv layer's filters or maps):
// one ImageData per redraw, however many tiles.
import { useEffect, useRef } from 'react';
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { tileImage, type TileLayout } from './heatmap';

interface Props {
  grids: readonly NumberGrid[];
  layout: TileLayout;
  flipY?: boolean;
  label: string;
  testId?: string;
  /** Each tile on its own scale (feature maps: a weak map still shows its pattern). */
  perTile?: boolean;
}

export function TileCanvas({ grids, layout, flipY, label, testId, perTile }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !grids.length) return;
    ctx.putImageData(tileImage(ctx, grids, layout, { flipY, perTile }), 0, 0);
    // Counted for the UI benchmark's redraw rate (a data attribute costs nothing to read).
    const el = ref.current!;
    el.dataset.draws = String(Number(el.dataset.draws ?? 0) + 1);
  }, [grids, layout, flipY, perTile]);
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
