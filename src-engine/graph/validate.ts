// Validation and shape inference of a saved graph: every problem comes back as a GraphIssue
// naming the node or field, so the canvas can mark it and the CLI can print it.
import { parseGraph, type GraphDoc, type GraphIssue, DEFAULT_INITIALIZER } from '../../src-shared/graphFormat';
import { getLayer, layerRegistry } from '../layers';
import { getLoss, listLosses, lossRegistry, withLossOptions, type LossDef } from '../losses';
import { checkOptimizerSettings } from '../optim';
import { checkInitializerOptions, isInitializer, listInitializers } from '../init';
import { validateParams, type ParamValues } from '../core/params';
import { trainingLoopSpecs } from '../train/trainingSpecs';
import { formatShape, shapesEqual } from '../core/shape';
import { checkStructure, type Structure } from './structure';
import { checkNodeParams, inferNodeShapes, inferShapes, shapeGraphOf, type DatasetInfo, type ValidatedNode } from './shapes';
import { checkParameterBudget, type ParameterMemory } from './parameterBudget';

import { checkOutputSpecs, resolveOutputs, type OutputHead } from './outputs';

export type { DatasetInfo, ValidatedNode } from './shapes';

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

export interface ValidateOptions {
  /**
   * A graph being edited: where its structure is not finished (a dangling node, two dead ends, a
   * cycle), still infer every shape that is known and report the layers whose inputs do not fit,
   * instead of stopping at the structure's problems.
   */
  partial?: boolean;
  /** With the memory a host may train in, a model past the parameter limit is refused here. */
  parameterMemory?: ParameterMemory;
}

export function validateGraph(value: unknown, dataset?: DatasetInfo, options: ValidateOptions = {}): Validation {
  const parsed = parseGraph(value);
  if (!parsed.ok) {
    const editing = options.partial ? shapeGraphOf(value) : undefined;
    const partial = editing ? inferShapes(editing, dataset) : { shapes: {}, issues: [] };
    return { ok: false, issues: [...parsed.issues, ...partial.issues], shapes: partial.shapes };
  }
  const graph = parsed.graph;
  const specIssues = checkOutputSpecs(graph);
  const issues: GraphIssue[] = [...checkTraining(graph), ...specIssues];

  const params = new Map<string, ParamValues>();
  for (const node of graph.nodes) {
    const def = getLayer(node.type);
    if (!def) {
      issues.push({ nodeId: node.id, field: 'type', message: layerRegistry.unknownMessage(node.type) });
      continue;
    }
    const checked = checkNodeParams(node, def, dataset);
    for (const e of checked.errors) issues.push({ nodeId: node.id, field: `params.${e.field}`, message: e.message });
    // Shapes of a node with bad settings would be nonsense; its issue is already reported.
    if (checked.errors.length === 0) params.set(node.id, checked.values);
  }

  const { structure, issues: structural } = checkStructure(graph);
  issues.push(...structural);
  if (!structure) {
    if (!options.partial) return { ok: false, issues, shapes: {} };
    const partial = inferShapes(graph, dataset);
    return { ok: false, issues: [...issues, ...partial.issues], shapes: partial.shapes };
  }

  const inferred = inferNodeShapes(graph, structure.order, structure.inputsOf, params, 'complete');
  const { nodes, shapes } = inferred;
  issues.push(...inferred.issues);

  const lossDef = getLoss(graph.training.loss);
  const lossOptions = lossDef && validateParams(lossDef.params, graph.training.lossOptions);
  const loss =
    lossDef && lossOptions && lossOptions.errors.length === 0 ? withLossOptions(lossDef, lossOptions.values) : undefined;
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
  if (options.parameterMemory) {
    const tooLarge = checkParameterBudget(
      structure.order.flatMap((id) => nodes.get(id) ?? []),
      options.parameterMemory,
    );
    if (tooLarge) return { ok: false, issues: [tooLarge], shapes };
  }
  const initializer = graph.training.initializer ?? DEFAULT_INITIALIZER;
  return {
    ok: true,
    validated: { graph, structure, nodes, loss, initializer, ...(outputs ? { heads: outputs.heads } : {}) },
    shapes,
  };
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
  const loss = getLoss(t.loss);
  if (!loss) issues.push({ field: 'training.loss', message: lossRegistry.unknownMessage(t.loss) });
  else issues.push(...validateParams(loss.params, t.lossOptions).errors.map(at('training.lossOptions.')));
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
  const loopErrors = validateParams(trainingLoopSpecs, loop).errors;
  issues.push(...loopErrors.map(at('training.')));
  const test = t.testSplit ?? 0;
  if (loopErrors.length === 0 && t.validationSplit + test >= 1)
    issues.push({
      field: 'training.testSplit',
      message: `the validation (${t.validationSplit}) and test (${test}) splits leave nothing to train on: together they must stay below 1`,
    });
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
  // Losses over a distribution of classes (softmax) or margins need one unit per class, even for two.
  if (classes === 2 && shapesEqual(shape, [1]) && loss.absorbs !== 'softmax' && loss.name !== 'hinge') return [];
  return at(`is the output and gives ${formatShape(shape)}, but the dataset has ${classes} classes: end with ${classes} units`);
}
