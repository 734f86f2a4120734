// Inside a node while its network trains: for 2-D inputs each unit's output over the input plane
// (as on TensorFlow Playground's neurons), stacked so the edges can run each weight's line from
// tile to tile; for Conv2D its filters and one sample's feature maps.
// The engine computes them (network insight events); this only paints them.
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { useLiveNetwork } from '../../insight/insightStore';
import { TileCanvas } from './TileCanvas';
import { tileLayout, unitColumn } from './heatmap';
import { offsetInNode, useTileAnchors } from './tileAnchors';
import './live.css';

/** Inner width of a node (172 px less its padding). */
const WIDTH = 148;

function UnitTiles({ id, units, input }: { id: string; units: NumberGrid[]; input: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const layout = useMemo(() => unitColumn(units.length), [units.length]);
  // Measured when the tiles or their node change size (a problem line or a renamed layer moves
  // them), not at every update: reading offsets after the canvases are written forces a layout.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const canvas = box.querySelector('canvas');
      useTileAnchors.getState().set(id, canvas ? offsetInNode(canvas) : null);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const node = box.closest('.react-flow__node');
    if (node) observer.observe(node);
    return () => observer.disconnect();
  }, [id, layout]);
  useLayoutEffect(() => () => useTileAnchors.getState().set(id, null), [id]);
  const what = input ? 'input features' : 'units';
  return (
    <div className="node-insight node-units nodrag" ref={ref} data-testid={`node-maps-${id}`}>
      <TileCanvas grids={units} layout={layout} flipY label={`${units.length} ${what} over the input plane`} />
    </div>
  );
}

function NodeInsightView({ id, input }: { id: string; input: boolean }) {
  const maps = useLiveNetwork((n) => n.neurons?.[id]);
  const conv = useLiveNetwork((n) => n.conv?.[id]);
  const units = useMemo<NumberGrid[]>(
    () => maps?.units.map((values) => ({ rows: maps.size, cols: maps.size, values })) ?? [],
    [maps],
  );
  if (units.length) return <UnitTiles id={id} units={units} input={input} />;
  if (conv && (conv.filters.length || conv.maps.length))
    return (
      <div className="node-insight nodrag" data-testid={`node-conv-${id}`}>
        {conv.filters.length > 0 && (
          <>
            <span className="node-insight-caption">filters</span>
            <TileCanvas
              grids={conv.filters}
              layout={tileLayout(conv.filters.length, WIDTH, 2, conv.filters.length)}
              label="filters"
            />
          </>
        )}
        {conv.maps.length > 0 && (
          <>
            <span className="node-insight-caption">feature maps, one sample</span>
            <TileCanvas
              grids={conv.maps}
              layout={tileLayout(conv.maps.length, WIDTH, 2, Math.min(4, conv.maps.length))}
              label="feature maps"
              perTile
            />
          </>
        )}
      </div>
    );
  return null;
}

export const NodeInsight = memo(NodeInsightView);
