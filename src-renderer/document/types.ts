// The editor's in-memory graph: React Flow nodes and edges plus the training settings.
import type { Edge, Node } from '@xyflow/react';
import type { TrainingConfig } from '../../src-shared/graphFormat';

export interface LayerNodeData extends Record<string, unknown> {
  /** Registered layer type, e.g. "Dense". */
  layerType: string;
  /** The layer's settings as saved in the graph file (unset fields take the registry default). */
  params: Record<string, unknown>;
  label?: string;
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;
export type ShapeFlowEdge = Edge<Record<string, never>, 'shape'>;

export interface GraphMeta {
  name?: string;
  description?: string;
}

/** Everything undo/redo restores and a project file saves. */
export interface GraphContent {
  nodes: LayerFlowNode[];
  edges: ShapeFlowEdge[];
  training: TrainingConfig;
  meta: GraphMeta;
}
