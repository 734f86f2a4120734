// Node and edge types, declared once at module scope as React Flow requires.
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { LayerNode } from './LayerNode';
import { ShapeEdge } from './ShapeEdge';

export const nodeTypes: NodeTypes = { layer: LayerNode };
export const edgeTypes: EdgeTypes = { shape: ShapeEdge };
