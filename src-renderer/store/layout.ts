// Auto-layout with dagre: layers flow left to right in the order data moves through them.
import dagre from '@dagrejs/dagre';
import type { LayerFlowNode, ShapeFlowEdge } from './types';

const DEFAULT_SIZE = { width: 180, height: 80 };

export function layoutNodes(nodes: readonly LayerFlowNode[], edges: readonly ShapeFlowEdge[]): LayerFlowNode[] {
  if (!nodes.length) return [...nodes];
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, sizeOf(n));
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const placed = g.node(n.id);
    const size = sizeOf(n);
    // dagre gives centres; React Flow positions are top-left corners.
    return { ...n, position: { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) } };
  });
}

function sizeOf(n: LayerFlowNode): { width: number; height: number } {
  return { width: n.measured?.width ?? DEFAULT_SIZE.width, height: n.measured?.height ?? DEFAULT_SIZE.height };
}
