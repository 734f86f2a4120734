// An edge labelled with the shape of the tensor it carries.
import { memo, useContext } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { formatShape } from '../app/engine';
import type { ShapeFlowEdge } from '../document/types';
import { GraphCheckContext } from './GraphCheckContext';
import { useLiveNetwork } from '../insight/insightStore';
import { TileWeightLines, useTileEnds } from './live/TileWeightLines';
import { WeightMatrix } from './live/WeightMatrix';

function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const check = useContext(GraphCheckContext);
  const shape = check.shapes[source];
  // An edge running back to the left (a wrapped row, a skip connection) is routed around the
  // nodes with right angles; a bezier would cut diagonally through them.
  const backwards = targetX < sourceX + 24;
  const [path, labelX, labelY] = backwards
    ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 18 })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // While a run trains, a Dense layer's incoming edge shows its kernel (when it fits this edge's
  // source): on 2-D data as lines from tile to tile, otherwise as a small matrix beside the edge.
  const kernel = useLiveNetwork((n) => n.weights?.[target]);
  const weights = kernel && shape?.length === 1 && shape[0] === kernel.rows ? kernel : undefined;
  const tiles = useTileEnds(source, target, weights);
  return (
    <>
      {weights && tiles && <TileWeightLines id={id} kernel={weights} out={tiles.out} into={tiles.into} />}
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'shape-edge is-selected' : 'shape-edge'} />
      {weights && !tiles && (
        <EdgeLabelRenderer>
          <div
            className="edge-weights"
            // Above the label on a forward edge; beside it on one routed back between rows, where the gap is low.
            style={{
              transform: backwards
                ? `translate(24px, -50%) translate(${labelX}px, ${labelY}px)`
                : `translate(-50%, -100%) translate(${labelX}px, ${labelY - 14}px)`,
            }}
          >
            <WeightMatrix weights={weights} testId={`edge-matrix-${id}`} maxSide={backwards ? 44 : 80} />
          </div>
        </EdgeLabelRenderer>
      )}
      {shape && (
        <EdgeLabelRenderer>
          <div
            className={selected ? 'edge-shape-label is-selected' : 'edge-shape-label'}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-shape-${id}`}
          >
            {formatShape(shape)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
