// Shape inference that also works on a graph still being built (dangling nodes, two dead ends),
// so the canvas can show shapes at every step. The engine's validateGraph stays the authority
// on whether a graph can train; this only uses the same layer registry and shape rules.
import { getLayer, validateParams, type DatasetInfo } from '../app/engine';
import { ShapeError } from '../../src-engine';
import { isInitializer } from '../../src-engine';

export interface ShapeNode {
  id: string;
  type: string;
  params?: Record<string, unknown>;
}

export interface ShapeEdge {
  source: string;
  target: string;
}

export interface PartialShapes {
  /** Output shape of every node whose inputs are all known and whose settings are valid. */
  shapes: Map<string, number[]>;
  /** Nodes whose own shape rule failed, with the reason (the layer type leads the message). */
  errors: Map<string, string>;
}

export function inferPartialShapes(
  nodes: readonly ShapeNode[],
  edges: readonly ShapeEdge[],
  dataset?: DatasetInfo,
): PartialShapes {
  const shapes = new Map<string, number[]>();
  const errors = new Map<string, string>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const inputsOf = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const outputsOf = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (e.source === e.target || !byId.has(e.source) || !byId.has(e.target)) continue;
    inputsOf.get(e.target)!.push(e.source);
    outputsOf.get(e.source)!.push(e.target);
  }
  for (const id of topologicalOrder(nodes, inputsOf, outputsOf)) {
    const node = byId.get(id)!;
    const def = getLayer(node.type);
    if (!def) continue;
    const given: Record<string, unknown> = { ...node.params };
    if (def.type === 'Input' && given.shape === undefined && dataset) given.shape = dataset.inputShape;
    const checked = validateParams(def.params, given, isInitializer);
    if (checked.errors.length) continue;
    const inputs = inputsOf.get(id)!;
    if (inputs.length > def.arity.max) {
      errors.set(
        id,
        def.arity.max === 0
          ? `${def.type} takes no inputs`
          : `${def.type} takes at most ${def.arity.max} input${def.arity.max === 1 ? '' : 's'}, but has ${inputs.length}`,
      );
      continue;
    }
    if (inputs.length < def.arity.min) continue;
    const inputShapes = inputs.map((i) => shapes.get(i));
    if (inputShapes.some((s) => !s)) continue;
    try {
      shapes.set(id, def.outputShape(inputShapes as number[][], checked.values));
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      errors.set(id, `${def.type} ${e.message}`);
    }
  }
  return { shapes, errors };
}

/** Kahn's order; nodes on a cycle are left out. */
function topologicalOrder(
  nodes: readonly ShapeNode[],
  inputsOf: Map<string, string[]>,
  outputsOf: Map<string, string[]>,
): string[] {
  const indegree = new Map(nodes.map((n) => [n.id, inputsOf.get(n.id)!.length]));
  const ready = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i];
    order.push(id);
    for (const next of outputsOf.get(id)!) {
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) ready.push(next);
    }
  }
  return order;
}

/** True when `from` can already reach `to` along edges (adding to → from would close a cycle). */
export function reaches(edges: readonly ShapeEdge[], from: string, to: string): boolean {
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
