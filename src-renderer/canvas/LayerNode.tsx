// A layer on the canvas: type, id, key settings and the inferred output shape; red when it has problems.
import { memo, useContext, useState } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatShape, getLayer } from '../app/engine';
import type { LayerFlowNode } from '../document/types';
import { GraphCheckContext } from './GraphCheckContext';
import { categoryColor } from './categoryColors';
import { paramSummary } from './paramSummary';
import { nodeIssueText } from '../validation/issueText';
import { NodeInsight } from './live/NodeInsight';
import { GradSparkline } from './live/GradSparkline';

function LayerNodeView({ id, data, selected, dragging }: NodeProps<LayerFlowNode>) {
  const check = useContext(GraphCheckContext);
  const def = getLayer(data.layerType);
  const shape = check.shapes[id];
  const issues = check.nodeIssues[id];
  const summary = def ? paramSummary(def, data.params) : [];
  const color = categoryColor(def?.category);
  const classes = ['layer-node', selected ? 'is-selected' : '', issues ? 'has-issue' : ''].join(' ');
  // The hover card (gradient norm over epochs) only exists while the pointer rests on the node: a
  // press (to select or drag) dismisses it until the pointer comes back, so it never rides a drag.
  const [hover, setHover] = useState(false);
  return (
    <div
      className={classes}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onPointerDown={() => setHover(false)}
      style={{ ['--cat' as string]: color }}
      data-testid={`node-${id}`}
      data-layer-type={data.layerType}
      title={dragging ? undefined : issues ? issues.map((m) => nodeIssueText(id, m)).join('\n') : def?.description}
    >
      {def && def.arity.max > 0 && <Handle type="target" position={Position.Left} className="layer-handle" />}
      <div className="layer-node-head">
        <span className="layer-node-type">{data.label || data.layerType}</span>
        <span className="layer-node-id">{id}</span>
      </div>
      {summary.length > 0 && <div className="layer-node-params">{summary.join(' · ')}</div>}
      <div className="layer-node-shape">
        {issues ? (
          <span className="layer-node-problem">⚠ {issues.length === 1 ? '1 problem' : `${issues.length} problems`}</span>
        ) : null}
        <span className="layer-node-out" data-testid={`shape-${id}`} title="Output shape of one sample">
          {shape ? formatShape(shape) : '—'}
        </span>
      </div>
      <NodeInsight id={id} input={data.layerType === 'Input'} />
      {hover && !dragging && data.layerType !== 'Input' && <GradSparkline id={id} />}
      <Handle type="source" position={Position.Right} className="layer-handle" />
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
