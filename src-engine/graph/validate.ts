// Validation and shape inference of a saved graph: every problem comes back as a GraphIssue
// naming the node or field, so the canvas can mark it and the CLI can print it.
import { parseGraph, type GraphDoc, type GraphIssue, DEFAULT_INITIALIZER } from '../../src-shared/graphFormat';
import { getLayer, layerRegistry, ShapeError, type LayerDef } from '../layers';
import { getLoss, listLosses, lossRegistry, type LossDef } from '../losses';
import { checkOptimizerSettings } from '../optim';
import { checkInitializerOptions, isInitializer, listInitializers } from '../init';
import { validateParams, type ParamValues } from '../core/params';
import { trainingLoopSpecs } from '../train/trainingSpecs';
import { formatShape, shapesEqual } from '../core/shape';
import { checkStructure, type Structure } from './structure';
import type { Task } from '../data/types';
import type { TargetColumn } from '../../src-shared/api';
import { checkOutputSpecs, resolveOutputs, type OutputHead } from './outputs';

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

export interface ValidatedGraph {
  graph: GraphDoc;
  structure: Structure;
  nodes: Map<string, ValidatedNode>;
  loss: LossDef;
  initializer: string;
  /** The declared outputs (training.outputs), resolved against the dataset; absent for a one-output graph. */
  heads?: OutputHead[];
}

export type Validation =
  | { ok: true; validated: ValidatedGraph; shapes: Record<string, number[]> }
  | { ok: false; issues: GraphIssue[]; shapes: Record<string, number[]> };

export function validateGraph(value: unknown, dataset?: DatasetInfo): Validation {
  const parsed = parseGraph(value);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, shapes: {} };
  const graph = parsed.graph;
  const specIssues = checkOutputSpecs(graph);
  const issues: GraphIssue[] = [...checkTraining(graph), ...specIssues];
  const shapes: Record<string, number[]> = {};

  const params = new Map<string, ParamValues>();
  for (const node of graph.nodes) {
    const def = getLayer(node.type);
    if (!def) {
      issues.push({ nodeId: node.id, field: 'type', message: layerRegistry.unknownMessage(node.type) });
      continue;
    }
    const given = { ...node.params };
    if (def.type === 'Input' && given.shape === undefined && dataset) given.shape = dataset.inputShape;
    const checked = validateParams(def.params, given, isInitializer);
    for (const e of checked.errors) issues.push({ nodeId: node.id, field: `params.${e.field}`, message: e.message });
    // Shapes of a node with bad settings would be nonsense; its issue is already reported.
    if (checked.errors.length === 0) params.set(node.id, checked.values);
  }

  const { structure, issues: structural } = checkStructure(graph);
  issues.push(...structural);
  if (!structure) return { ok: false, issues, shapes };

  const nodes = new Map<string, ValidatedNode>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const id of structure.order) {
    const def = getLayer(byId.get(id)!.type);
    const p = params.get(id);
    const inputIds = structure.inputsOf.get(id)!;
    if (!def || !p) continue;
    if (inputIds.length < def.arity.min || inputIds.length > def.arity.max) {
      issues.push({ nodeId: id, message: arityMessage(def, inputIds.length) });
      continue;
    }
    const inputShapes = inputIds.map((i) => shapes[i]);
    if (inputShapes.some((s) => !s)) continue; // an upstream node already has an issue
    try {
      const outputShape = def.outputShape(inputShapes, p);
      shapes[id] = outputShape;
      nodes.set(id, { id, def, params: p, inputIds, inputShapes, outputShape });
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      issues.push({ nodeId: id, message: `${def.type} ${e.message}` });
    }
  }

  const loss = getLoss(graph.training.loss);
  const output = nodes.get(structure.outputId);
  const outputs = graph.training.outputs && !specIssues.length ? resolveOutputs(graph, nodes, dataset) : undefined;
  if (outputs) issues.push(...outputs.issues);
  else if (!graph.training.outputs && output && loss && dataset) issues.push(...checkOutput(output, loss, dataset));
  if (dataset && nodes.get(structure.inputId) && !shapesEqual(shapes[structure.inputId], dataset.inputShape)) {
    issues.push({
      nodeId: structure.inputId,
      field: 'params.shape',
      message: `has shape ${formatShape(shapes[structure.inputId])} but the dataset's samples are ${formatShape(dataset.inputShape)}`,
    });
  }
  if (issues.length || !loss) return { ok: false, issues, shapes };
  const initializer = graph.training.initializer ?? DEFAULT_INITIALIZER;
  return {
    ok: true,
    validated: { graph, structure, nodes, loss, initializer, ...(outputs ? { heads: outputs.heads } : {}) },
    shapes,
  };
}

function arityMessage(def: LayerDef, count: number): string {
  if (def.arity.max === 0) return `${def.type} takes no inputs, but ${count} connection${count === 1 ? '' : 's'} lead into it`;
  if (def.arity.min === def.arity.max) return `${def.type} takes exactly ${def.arity.min} input, but has ${count}`;
  return `${def.type} needs ${def.arity.min} to ${def.arity.max} inputs, but has ${count}`;
}

/**
 * The training section, by the same rules the engine applies when it builds the run (the
 * optimizer's, schedule's and initializer's declared settings), so a run that passes here
 * cannot fail later on a limit; each issue names its field, e.g. `training.optimizer.lr`.
 */
function checkTraining(graph: GraphDoc): GraphIssue[] {
  const t = graph.training;
  const issues: GraphIssue[] = [];
  const at =
    (prefix: string) =>
    (e: { field: string; message: string }): GraphIssue => ({ field: `${prefix}${e.field}`, message: e.message });
  if (!getLoss(t.loss)) issues.push({ field: 'training.loss', message: lossRegistry.unknownMessage(t.loss) });
  issues.push(...checkOptimizerSettings(t.optimizer).errors.map(at('training.optimizer.')));
  if (t.initializer && !isInitializer(t.initializer)) {
    issues.push({
      field: 'training.initializer',
      message: `unknown initializer "${t.initializer}" (known: ${listInitializers()
        .map((i) => i.name)
        .join(', ')})`,
    });
  } else {
    issues.push(
      ...checkInitializerOptions(t.initializer ?? DEFAULT_INITIALIZER, t.initializerOptions).errors.map(
        at('training.initializerOptions.'),
      ),
    );
  }
  const loop = Object.fromEntries(trainingLoopSpecs.map((s) => [s.name, (t as Record<string, unknown>)[s.name]]));
  issues.push(...validateParams(trainingLoopSpecs, loop).errors.map(at('training.')));
  return issues;
}

/** The output layer must produce what the loss and the dataset's targets need. */
function checkOutput(output: ValidatedNode, loss: LossDef, ds: DatasetInfo): GraphIssue[] {
  const shape = output.outputShape;
  const at = (message: string): GraphIssue[] => [{ nodeId: output.id, message }];
  if (ds.task === 'regression') {
    if (loss.task === 'classification') {
      const fitting = listLosses()
        .filter((l) => l.task === 'regression')
        .map((l) => l.name);
      return [
        {
          field: 'training.loss',
          message: `${loss.label} is for classification, but the dataset is a regression task: use ${fitting.slice(0, -1).join(', ')} or ${fitting.at(-1)}`,
        },
      ];
    }
    return shapesEqual(shape, ds.targetShape)
      ? []
      : at(`is the output and gives ${formatShape(shape)}, but the targets are ${formatShape(ds.targetShape)}`);
  }
  const classes = ds.classCount ?? 2;
  if (loss.name === 'binary_cross_entropy' || loss.name === 'perceptron') {
    const name = loss.name === 'perceptron' ? 'the perceptron criterion' : 'binary cross-entropy';
    if (classes !== 2)
      return [{ field: 'training.loss', message: `${name} needs 2 classes, the dataset has ${classes}: use cross_entropy` }];
    return shapesEqual(shape, [1]) ? [] : at(`is the output and gives ${formatShape(shape)}; ${name} needs one unit [1]`);
  }
  if (shapesEqual(shape, [classes])) return [];
  if (classes === 2 && shapesEqual(shape, [1]) && loss.name !== 'cross_entropy' && loss.name !== 'hinge') return [];
  return at(`is the output and gives ${formatShape(shape)}, but the dataset has ${classes} classes: end with ${classes} units`);
}
