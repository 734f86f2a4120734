// A Dense layer's incoming edge while it trains on 2-D data: every weight as a line from its input
// unit's tile to its unit's tile, drawn above the nodes (the lines cross their plain padding to
// reach the tiles), updating with each insight event.
import { memo, useMemo } from 'react';
import { ViewportPortal, useInternalNode } from '@xyflow/react';
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { useLiveNetwork } from '../../insight/insightStore';
import { unitAnchor, unitColumn } from './heatmap';
import { useTileAnchors } from './tileAnchors';
import { weightStrokes, type Point } from './weightLines';

/** The lines only run forwards: a target left of (or overlapping) its source gets the plain edge. */
const MIN_RUN = 12;

/**
 * The tile anchors of both ends in flow coordinates, or null when either end shows no tiles (or
 * not one per row, or column, of the kernel).
 */
export function useTileEnds(source: string, target: string, kernel: NumberGrid | undefined) {
  const units = useLiveNetwork((n) =>
    kernel ? [n.neurons?.[source]?.units.length, n.neurons?.[target]?.units.length].join() : undefined,
  );
  const from = useInternalNode(source)?.internals.positionAbsolute;
  const to = useInternalNode(target)?.internals.positionAbsolute;
  const a = useTileAnchors((s) => s.byNode[source]);
  const b = useTileAnchors((s) => s.byNode[target]);
  return useMemo(() => {
    if (!kernel || !from || !to || !a || !b || units !== `${kernel.rows},${kernel.cols}`) return null;
    const out = ends(kernel.rows, { x: from.x + a.left, y: from.y + a.top }, 'out');
    const into = ends(kernel.cols, { x: to.x + b.left, y: to.y + b.top }, 'in');
    return into[0]!.x - out[0]!.x >= MIN_RUN ? { out, into } : null;
  }, [kernel, units, from, to, a, b]);
}

function ends(count: number, origin: Point, side: 'in' | 'out'): Point[] {
  const layout = unitColumn(count);
  return Array.from({ length: count }, (_, i) => {
    const p = unitAnchor(layout, i, side);
    return { x: origin.x + p.x, y: origin.y + p.y };
  });
}

function TileWeightLinesView({ id, kernel, out, into }: { id: string; kernel: NumberGrid; out: Point[]; into: Point[] }) {
  const strokes = useMemo(() => weightStrokes(kernel, out, into), [kernel, out, into]);
  return (
    <ViewportPortal>
      <svg className="tile-weight-lines" data-testid={`edge-lines-${id}`} data-lines={kernel.rows * kernel.cols} aria-hidden>
        {strokes.map((s) => (
          <path
            key={`${s.sign}:${s.level}`}
            d={s.d}
            fill="none"
            stroke={s.color}
            strokeWidth={s.width}
            strokeOpacity={s.opacity}
            strokeLinecap="round"
            data-sign={s.sign}
            data-level={s.level}
            data-count={s.count}
          />
        ))}
      </svg>
    </ViewportPortal>
  );
}

export const TileWeightLines = memo(TileWeightLinesView);
