// Copy, paste and duplicate of a selection, as pure functions over the graph content.
import { nextEdgeId, nextNodeId } from './ids';
import { toFlowEdge } from './document';
import type { LayerFlowNode, ShapeFlowEdge } from './types';

export interface ClipboardData {
  nodes: LayerFlowNode[];
  /** Only edges whose both ends were copied. */
  edges: ShapeFlowEdge[];
}

export function copySelection(nodes: readonly LayerFlowNode[], edges: readonly ShapeFlowEdge[]): ClipboardData | null {
  const picked = nodes.filter((n) => n.selected);
  if (!picked.length) return null;
  const ids = new Set(picked.map((n) => n.id));
  return {
    nodes: picked.map((n) => structuredClone({ id: n.id, type: n.type, position: n.position, data: n.data })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e })),
  };
}

/** New nodes with fresh ids, shifted by `offset`, selected; the existing nodes are deselected. */
export function pasteClipboard(
  clip: ClipboardData,
  nodes: readonly LayerFlowNode[],
  edges: readonly ShapeFlowEdge[],
  offset: { x: number; y: number },
): { nodes: LayerFlowNode[]; edges: ShapeFlowEdge[] } {
  const takenNodes = new Set(nodes.map((n) => n.id));
  const takenEdges = new Set(edges.map((e) => e.id));
  const rename = new Map<string, string>();
  const pasted: LayerFlowNode[] = [];
  for (const n of clip.nodes) {
    // A second Input would be an error; paste keeps it so the user sees why, but renames it.
    const id = nextNodeId(n.data.layerType, takenNodes);
    takenNodes.add(id);
    rename.set(n.id, id);
    pasted.push({
      id,
      type: 'layer',
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
      data: structuredClone(n.data),
      selected: true,
    });
  }
  const newEdges = clip.edges.map((e) => {
    const id = nextEdgeId(takenEdges);
    takenEdges.add(id);
    return toFlowEdge(rename.get(e.source)!, rename.get(e.target)!, id);
  });
  return {
    nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted],
    edges: [...edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...newEdges],
  };
}

export function deleteSelection(
  nodes: readonly LayerFlowNode[],
  edges: readonly ShapeFlowEdge[],
): { nodes: LayerFlowNode[]; edges: ShapeFlowEdge[] } {
  const gone = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
  return {
    nodes: nodes.filter((n) => !gone.has(n.id)),
    edges: edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target)),
  };
}
