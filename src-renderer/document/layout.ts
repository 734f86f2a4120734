// Auto-layout with dagre: layers flow left to right in the order data moves through them. A long
// network wraps into rows (like lines of text) when that lets it show larger in the visible area.
import dagre from '@dagrejs/dagre';
import type { LayerFlowNode, ShapeFlowEdge } from './types';

const DEFAULT_SIZE = { width: 172, height: 76 };
const RANK_GAP = 90;
const NODE_GAP = 36;
const ROW_GAP = 60;
const MIN_READABLE_ZOOM = 0.85;
/** Fit-view leaves a margin around the graph. */
const FIT_MARGIN = 0.86;

export interface LayoutArea {
  /** Size of the visible canvas, in screen pixels. */
  width: number;
  height: number;
}

interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function layoutNodes(
  nodes: readonly LayerFlowNode[],
  edges: readonly ShapeFlowEdge[],
  area?: LayoutArea,
): LayerFlowNode[] {
  if (!nodes.length) return [...nodes];
  const placed = dagreLayout(nodes, edges);
  const wrapped = area ? wrapRows(placed, area) : placed;
  const byId = new Map(wrapped.map((p) => [p.id, p]));
  return nodes.map((n) => {
    const p = byId.get(n.id)!;
    return { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } };
  });
}

/** Top-left corners from dagre's centres. */
function dagreLayout(nodes: readonly LayerFlowNode[], edges: readonly ShapeFlowEdge[]): Placed[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, sizeOf(n));
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const c = g.node(n.id);
    const { width, height } = sizeOf(n);
    return { id: n.id, x: c.x - width / 2, y: c.y - height / 2, width, height };
  });
}

/** Splits the columns (ranks) into rows when the result fits the area at a larger zoom. */
function wrapRows(placed: Placed[], area: LayoutArea): Placed[] {
  const columns = [...new Set(placed.map((p) => Math.round(p.x)))].sort((a, b) => a - b);
  const step = Math.max(...placed.map((p) => p.width)) + RANK_GAP;
  const top = Math.min(...placed.map((p) => p.y));
  const bandHeight = Math.max(...placed.map((p) => p.y + p.height)) - top;
  const zoomFor = (perRow: number) => {
    const rows = Math.ceil(columns.length / perRow);
    const width = perRow * step - RANK_GAP;
    const height = rows * bandHeight + (rows - 1) * ROW_GAP;
    // Fit-view never zooms past 1, so larger zooms gain nothing.
    return Math.min(1, (area.width * FIT_MARGIN) / width, (area.height * FIT_MARGIN) / height);
  };
  // One band reads best; wrap only when it would have to shrink below a readable zoom, and only a
  // chain (one layer per column): wrapped branches send edges back across the rows in a tangle.
  if (zoomFor(columns.length) >= MIN_READABLE_ZOOM) return placed;
  if (columns.length !== placed.length) return placed;
  let best = columns.length;
  for (let perRow = columns.length - 1; perRow >= 1; perRow--) if (zoomFor(perRow) > zoomFor(best) * 1.15) best = perRow;
  if (best === columns.length) return placed;
  const columnOf = new Map(columns.map((x, i) => [x, i]));
  return placed.map((p) => {
    const k = columnOf.get(Math.round(p.x))!;
    const row = Math.floor(k / best);
    return { ...p, x: (k % best) * step, y: p.y - top + row * (bandHeight + ROW_GAP) };
  });
}

function sizeOf(n: LayerFlowNode): { width: number; height: number } {
  return { width: n.measured?.width ?? DEFAULT_SIZE.width, height: n.measured?.height ?? DEFAULT_SIZE.height };
}
