// Shape inference, written once: validateGraph runs it over a complete graph, and the editor runs it
// in partial mode over a graph still being built (dangling nodes, two dead ends, a cycle), so the
// canvas shows every shape that is already known and every layer whose shape rule fails.
import { nodeSchema, edgeSchema, type GraphDoc, type GraphIssue } from '../../src-shared/graphFormat';
import { getLayer, ShapeError, type LayerDef } from '../layers';
import { expandPaddingShorthand } from '../layers/convolutional';
import { isInitializer } from '../init';
import { validateParams, type ParamError, type ParamValues } from '../core/params';
import { dependencyOrder } from './structure';
import type { Task } from '../data/types';
import type { TargetColumn } from '../../src-shared/api';

/** What validation needs to know of the dataset (a summary is enough). */
export interface DatasetInfo {
  task: Task;
  inputShape: number[];
  targetShape: number[];
  classCount?: number;
  /** Named target columns of a multi-target dataset (what training.outputs[i].targets names). */
  targetColumns?: TargetColumn[];
}

export interface ValidatedNode {
  id: string;
  def: LayerDef;
  params: ParamValues;
  inputIds: string[];
  inputShapes: number[][];
  outputShape: number[];
}

/**
 * `complete`: every node must have the inputs its layer takes (a graph about to train).
 * `partial`: a node still missing inputs is skipped silently (it is being connected).
 */
export type InferenceMode = 'complete' | 'partial';

type ShapeGraph = Pick<GraphDoc, 'nodes' | 'edges'>;

/** A node's settings checked against its layer's declaration (the Input's shape defaults to the dataset's). */
export function checkNodeParams(
  node: GraphDoc['nodes'][number],
  def: LayerDef,
  dataset: DatasetInfo | undefined,
): { values: ParamValues; errors: ParamError[] } {
  // Layers with an explicit padding size also read the short form `padding: 1` / `[1, 2]`.
  const given = def.params.some((p) => p.name === 'padSize') ? expandPaddingShorthand({ ...node.params }) : { ...node.params };
  if (def.type === 'Input' && given.shape === undefined && dataset) given.shape = dataset.inputShape;
  return validateParams(def.params, given, isInitializer);
}

/**
 * Output shapes in dependency order. Nodes with bad settings (`params` lacks them) and nodes after
 * one are skipped: their issue is reported elsewhere and their shapes would be nonsense.
 */
export function inferNodeShapes(
  graph: ShapeGraph,
  order: readonly string[],
  inputsOf: ReadonlyMap<string, string[]>,
  params: ReadonlyMap<string, ParamValues>,
  mode: InferenceMode,
): { nodes: Map<string, ValidatedNode>; shapes: Record<string, number[]>; issues: GraphIssue[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes = new Map<string, ValidatedNode>();
  const shapes: Record<string, number[]> = {};
  const issues: GraphIssue[] = [];
  for (const id of order) {
    const def = getLayer(byId.get(id)!.type);
    const p = params.get(id);
    const inputIds = inputsOf.get(id)!;
    if (!def || !p) continue;
    const missingInputs = inputIds.length < def.arity.min;
    if (missingInputs && mode === 'partial') continue;
    if (missingInputs || inputIds.length > def.arity.max) {
      issues.push({ nodeId: id, message: arityMessage(def, inputIds.length) });
      continue;
    }
    const inputShapes = inputIds.map((i) => shapes[i]);
    if (inputShapes.some((s) => !s)) continue; // an upstream node already has an issue (or is unfinished)
    try {
      const outputShape = def.outputShape(inputShapes, p);
      shapes[id] = outputShape;
      nodes.set(id, { id, def, params: p, inputIds, inputShapes, outputShape });
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      issues.push({ nodeId: id, message: `${def.type} ${e.message}` });
    }
  }
  return { nodes, shapes, issues };
}

/**
 * Partial shape inference of a graph being edited: the shapes already known and the layers whose
 * inputs do not fit (shape rule or too many inputs). Settings problems and the graph's structure
 * are validateGraph's to report; a node with bad settings is only skipped here.
 */
export function inferShapes(
  graph: ShapeGraph,
  dataset?: DatasetInfo,
): { shapes: Record<string, number[]>; issues: GraphIssue[] } {
  const params = new Map<string, ParamValues>();
  for (const node of graph.nodes) {
    const def = getLayer(node.type);
    const checked = def && checkNodeParams(node, def, dataset);
    if (checked && checked.errors.length === 0) params.set(node.id, checked.values);
  }
  const { order, inputsOf } = dependencyOrder(graph);
  const { shapes, issues } = inferNodeShapes(graph, order, inputsOf, params, 'partial');
  return { shapes, issues };
}

/** The nodes and edges of a document that may not parse as a whole (an unfinished training section). */
export function shapeGraphOf(value: unknown): ShapeGraph | undefined {
  const { nodes, edges } = (value ?? {}) as { nodes?: unknown; edges?: unknown };
  if (!Array.isArray(nodes) || !Array.isArray(edges)) return undefined;
  const parsedNodes = nodes.map((n) => nodeSchema.safeParse(n));
  const parsedEdges = edges.map((e) => edgeSchema.safeParse(e));
  if (!parsedNodes.every((n) => n.success) || !parsedEdges.every((e) => e.success)) return undefined;
  return { nodes: parsedNodes.map((n) => n.data!), edges: parsedEdges.map((e) => e.data!) };
}

export function arityMessage(def: LayerDef, count: number): string {
  if (def.arity.max === 0) return `${def.type} takes no inputs, but ${count} connection${count === 1 ? '' : 's'} lead into it`;
  if (def.arity.min === def.arity.max) return `${def.type} takes exactly ${def.arity.min} input, but has ${count}`;
  return `${def.type} needs ${def.arity.min} to ${def.arity.max} inputs, but has ${count}`;
}
