// An edge labelled with the shape of the tensor it carries.
import { memo, useContext } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { formatShape } from '../app/engine';
import type { ShapeFlowEdge } from '../document/types';
import { GraphCheckContext } from './GraphCheckContext';

function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { id, source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const check = useContext(GraphCheckContext);
  const shape = check.shapes[source];
  // An edge running back to the left (a wrapped row, a skip connection) is routed around the
  // nodes with right angles; a bezier would cut diagonally through them.
  const backwards = targetX < sourceX + 24;
  const [path, labelX, labelY] = backwards
    ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 18 })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'shape-edge is-selected' : 'shape-edge'} />
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
