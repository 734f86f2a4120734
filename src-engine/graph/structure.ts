// Structural checks of a graph: ids, edges, one Input, no cycles, one output reachable from it.
import type { GraphDoc, GraphIssue } from '../../src-shared/graphFormat';

export interface Structure {
  /** Node ids in an order where every node comes after its inputs. */
  order: string[];
  /** Incoming node ids per node, in edge order (Concat keeps this order). */
  inputsOf: Map<string, string[]>;
  inputId: string;
  /** The output (with several declared outputs, the first of them). */
  outputId: string;
}

export function checkStructure(graph: GraphDoc): { structure?: Structure; issues: GraphIssue[] } {
  const issues: GraphIssue[] = [];
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) issues.push({ nodeId: node.id, message: 'another node has the same id' });
    ids.add(node.id);
  }
  graph.edges.forEach((e, k) => {
    const edgeId = e.id ?? `${e.source}->${e.target}`;
    if (!ids.has(e.source)) issues.push({ edgeId, field: `edges[${k}].source`, message: `starts at unknown node "${e.source}"` });
    else if (!ids.has(e.target))
      issues.push({ edgeId, field: `edges[${k}].target`, message: `ends at unknown node "${e.target}"` });
    else if (e.source === e.target) issues.push({ nodeId: e.source, message: 'is connected to itself' });
  });
  const { order, inputsOf, outputsOf } = dependencyOrder(graph);
  if (graph.nodes.length === 0) return { issues: [...issues, { message: 'the graph is empty: add an Input node and a layer' }] };

  const inputNodes = graph.nodes.filter((n) => n.type === 'Input');
  if (inputNodes.length === 0) issues.push({ message: 'the graph has no Input node' });
  for (const extra of inputNodes.slice(1))
    issues.push({ nodeId: extra.id, message: 'is a second Input node; a model has exactly one' });

  // Whatever the dependency order leaves out sits on a cycle.
  if (order.length < graph.nodes.length) {
    const cyclic = graph.nodes.filter((n) => !order.includes(n.id)).map((n) => n.id);
    for (const id of cyclic)
      issues.push({ nodeId: id, message: `is part of a cycle (${cyclic.join(' → ')}); connections must flow one way` });
    return { issues };
  }
  if (inputNodes.length !== 1) return { issues };

  const inputId = inputNodes[0].id;
  const reachable = walk(inputId, outputsOf);
  for (const n of graph.nodes) {
    if (!reachable.has(n.id)) issues.push({ nodeId: n.id, message: 'is not connected to the Input' });
  }
  const sinks = sinksOf(graph, reachable, outputsOf);
  const declared = graph.training.outputs?.map((o) => o.node);
  if (sinks.length === 0 || (sinks.length === 1 && sinks[0] === inputId)) {
    issues.push({ nodeId: inputId, message: 'is not connected to any layer: the model has no output' });
  } else if (declared) {
    for (const id of declared.filter((d) => ids.has(d) && outputsOf.get(d)!.length > 0))
      issues.push({
        nodeId: id,
        message: 'is declared in training.outputs but feeds other layers: an output must be a dead end',
      });
    // Several outputs are declared in training.outputs: every dead end must be one of them.
    for (const id of sinks.filter((s) => !declared.includes(s)))
      issues.push({
        nodeId: id,
        message: `is a dead end but not one of training.outputs (${declared.join(', ')}): declare it as an output, or connect or delete it`,
      });
  } else if (sinks.length > 1) {
    for (const id of sinks)
      issues.push({
        nodeId: id,
        message: `is one of ${sinks.length} dead ends (${sinks.join(', ')}); a model has one output unless training.outputs declares several, so connect or delete the others`,
      });
  }
  if (issues.length) return { issues };
  const outputId = declared && ids.has(declared[0]) ? declared[0] : sinks[0];
  return { structure: { order, inputsOf, inputId, outputId }, issues };
}

export interface DependencyOrder {
  /** Node ids, each after its inputs (Kahn's algorithm); nodes on a cycle, and those after one, are left out. */
  order: string[];
  /** Incoming node ids per node, in edge order; edges to unknown nodes and self-loops are skipped. */
  inputsOf: Map<string, string[]>;
  outputsOf: Map<string, string[]>;
}

/** The order shapes can be inferred in, also for a graph still being built (cycles, dangling nodes). */
export function dependencyOrder(graph: Pick<GraphDoc, 'nodes' | 'edges'>): DependencyOrder {
  const inputsOf = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const outputsOf = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (e.source === e.target || !inputsOf.has(e.source) || !inputsOf.has(e.target)) continue;
    inputsOf.get(e.target)!.push(e.source);
    outputsOf.get(e.source)!.push(e.target);
  }
  const indegree = new Map(graph.nodes.map((n) => [n.id, inputsOf.get(n.id)!.length]));
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i];
    order.push(id);
    for (const next of outputsOf.get(id)!) {
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) ready.push(next);
    }
  }
  return { order, inputsOf, outputsOf };
}

/** Reachable nodes that feed no other layer: the model's output, or its outputs (in node order). */
function sinksOf(graph: Pick<GraphDoc, 'nodes'>, reachable: Set<string>, outputsOf: Map<string, string[]>): string[] {
  return graph.nodes.filter((n) => reachable.has(n.id) && outputsOf.get(n.id)!.length === 0).map((n) => n.id);
}

/**
 * The layers a graph being edited ends in: reached from its one Input and feeding no other layer
 * (the Input itself excluded). Empty without exactly one Input. What training.outputs may declare.
 */
export function deadEnds(graph: Pick<GraphDoc, 'nodes' | 'edges'>): string[] {
  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  if (inputs.length !== 1) return [];
  const { outputsOf } = dependencyOrder(graph);
  return sinksOf(graph, walk(inputs[0].id, outputsOf), outputsOf).filter((id) => id !== inputs[0].id);
}

function walk(start: string, next: Map<string, string[]>): Set<string> {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length) {
    for (const n of next.get(stack.pop()!)!) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}
