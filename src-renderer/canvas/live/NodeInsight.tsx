// Inside a node while its network trains: for 2-D inputs each unit's output over the input plane
// (as on TensorFlow Playground's neurons); for Conv2D its filters and one sample's feature maps.
// The engine computes them (network insight events); this only paints them.
import { memo, useMemo } from 'react';
import type { NumberGrid } from '../../../src-shared/engineEvents';
import { useLiveNetwork } from '../../insight/insightStore';
import { TileCanvas } from './TileCanvas';
import './live.css';

/** Inner width of a node (172 px less its padding). */
const WIDTH = 148;

function NodeInsightView({ id }: { id: string }) {
  const maps = useLiveNetwork((n) => n.neurons?.[id]);
  const conv = useLiveNetwork((n) => n.conv?.[id]);
  const units = useMemo<NumberGrid[]>(
    () => maps?.units.map((values) => ({ rows: maps.size, cols: maps.size, values })) ?? [],
    [maps],
  );
  if (units.length)
    return (
      <div className="node-insight nodrag" data-testid={`node-maps-${id}`}>
        <TileCanvas grids={units} width={WIDTH} flipY label={`${units.length} units over the input plane`} />
      </div>
    );
  if (conv && (conv.filters.length || conv.maps.length))
    return (
      <div className="node-insight nodrag" data-testid={`node-conv-${id}`}>
        {conv.filters.length > 0 && (
          <>
            <span className="node-insight-caption">filters</span>
            <TileCanvas grids={conv.filters} width={WIDTH} cols={conv.filters.length} label="filters" />
          </>
        )}
        {conv.maps.length > 0 && (
          <>
            <span className="node-insight-caption">feature maps, one sample</span>
            <TileCanvas grids={conv.maps} width={WIDTH} cols={Math.min(4, conv.maps.length)} label="feature maps" perTile />
          </>
        )}
      </div>
    );
  return null;
}

export const NodeInsight = memo(NodeInsightView);
