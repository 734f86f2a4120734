// Whether a new edge may be drawn; a refusal carries the reason in plain words for a tooltip.
import { getLayer, inferShapes, type DatasetInfo } from '../app/engine';
import type { GraphContent } from '../document/types';

export interface Candidate {
  source: string;
  target: string;
}

export function connectionProblem(content: GraphContent, candidate: Candidate, dataset: DatasetInfo | undefined): string | null {
  const { source, target } = candidate;
  if (source === target) return 'A layer cannot feed into itself.';
  const targetNode = content.nodes.find((n) => n.id === target);
  const sourceNode = content.nodes.find((n) => n.id === source);
  if (!targetNode || !sourceNode) return 'Both ends must be layers on the canvas.';
  const def = getLayer(targetNode.data.layerType);
  if (!def) return `Unknown layer type "${targetNode.data.layerType}".`;
  if (content.edges.some((e) => e.source === source && e.target === target))
    return `${source} is already connected to ${target}.`;
  if (def.arity.max === 0) return `${def.type} takes no inputs: it is where samples enter.`;
  const incoming = content.edges.filter((e) => e.target === target).length;
  if (incoming >= def.arity.max) {
    return def.arity.max === 1
      ? `${target} (${def.type}) takes one input and already has one. Delete that connection first, or use Add/Concat to merge.`
      : `${target} (${def.type}) takes at most ${def.arity.max} inputs.`;
  }
  if (reaches(content.edges, target, source))
    return `That would make a loop: ${target} already feeds ${source}. Connections must flow one way.`;

  // The engine's partial shape inference, with the candidate edge drawn.
  const nodes = content.nodes.map((n) => ({ id: n.id, type: n.data.layerType, params: n.data.params }));
  const edges = [...content.edges, { source, target }];
  const problem = inferShapes({ nodes, edges }, dataset).issues.find((i) => i.nodeId === target);
  if (problem) return `${target}: ${problem.message}.`;
  return null;
}

/** True when `from` can already reach `to` along edges (adding to → from would close a cycle). */
function reaches(edges: readonly Candidate[], from: string, to: string): boolean {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const e of edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  return false;
}
