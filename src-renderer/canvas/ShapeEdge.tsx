// An edge labelled with the shape of the tensor it carries.
import { memo, useContext } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { formatShape } from '../app/engine';
import type { ShapeFlowEdge } from '../store/types';
import { GraphCheckContext } from './GraphCheckContext';

function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { id, source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const check = useContext(GraphCheckContext);
  const shape = check.shapes[source];
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
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
