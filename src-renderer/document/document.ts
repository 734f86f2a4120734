// The one place that converts between the editor's React Flow state and `layerlab.graph/1`.
import { GRAPH_FORMAT, type GraphDoc, type GraphEdge, type GraphNode } from '../../src-shared/graphFormat';
import type { GraphContent, LayerFlowNode, ShapeFlowEdge } from './types';

export function toGraphDoc(content: GraphContent): GraphDoc {
  const nodes: GraphNode[] = content.nodes.map((n) => {
    const params = definedOnly(n.data.params);
    const node: GraphNode = { id: n.id, type: n.data.layerType };
    if (Object.keys(params).length) node.params = params;
    node.position = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    if (n.data.label) node.label = n.data.label;
    return node;
  });
  // Edge order is input order (Concat), so it is kept as is.
  const edges: GraphEdge[] = content.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  const doc: GraphDoc = { format: GRAPH_FORMAT, nodes, edges, training: structuredClone(content.training) };
  if (content.meta.name) doc.name = content.meta.name;
  if (content.meta.description) doc.description = content.meta.description;
  return doc;
}

export function fromGraphDoc(doc: GraphDoc): GraphContent {
  const nodes: LayerFlowNode[] = doc.nodes.map((n, i) => ({
    id: n.id,
    type: 'layer',
    position: n.position ?? { x: i * 220, y: 0 },
    data: { layerType: n.type, params: { ...(n.params ?? {}) }, ...(n.label ? { label: n.label } : {}) },
  }));
  const edges: ShapeFlowEdge[] = doc.edges.map((e, i) => toFlowEdge(e.source, e.target, e.id ?? `e${i + 1}`));
  return {
    nodes,
    edges,
    training: structuredClone(doc.training),
    meta: { ...(doc.name ? { name: doc.name } : {}), ...(doc.description ? { description: doc.description } : {}) },
  };
}

export function toFlowEdge(source: string, target: string, id: string): ShapeFlowEdge {
  return { id, source, target, type: 'shape' };
}

function definedOnly(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) out[key] = value;
  return out;
}
