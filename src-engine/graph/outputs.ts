// The outputs of a multi-output graph (training.outputs): each one's node, loss, weight, target
// columns and metrics, checked against the graph and the dataset. Every issue names the output's
// node and its field, `training.outputs[i].loss` say, so the canvas can mark the node.
import { OUTPUT_METRICS, type GraphDoc, type GraphIssue, type OutputSpec } from '../../src-shared/graphFormat';
import type { TargetColumn } from '../../src-shared/api';
import { getLoss, lossRegistry, type LossDef } from '../losses';
import { formatShape, sizeOf } from '../core/shape';
import type { Task } from '../data/types';
import type { DatasetInfo, ValidatedNode } from './validate';
import { validateParams } from '../core/params';
import { outputWeightSpec } from '../train/trainingSpecs';

const DEFAULT_WEIGHT = outputWeightSpec.default as number;

export type OutputMetric = NonNullable<OutputSpec['metrics']>[number];

/** One resolved output: what the trainer, the gradient check, the exporters and predict need. */
export interface OutputHead {
  nodeId: string;
  loss: LossDef;
  weight: number;
  /** Indices of its columns in the dataset's target rows. */
  columns: number[];
  /** Their names, in the same order. */
  targetNames: string[];
  /** classification: one class column, predicted by one unit per class (or one unit for two). */
  task: Task;
  /** Classes of a classification output's column. */
  classNames?: string[];
  /** Output units (values per sample). */
  width: number;
  metrics: OutputMetric[];
}

/** The target columns of a dataset: its own names, or one implicit column for a single target. */
export function targetColumnsOf(ds: DatasetInfo): TargetColumn[] {
  if (ds.targetColumns) return ds.targetColumns;
  if (ds.task === 'classification')
    return [{ name: 'target', classes: Array.from({ length: ds.classCount ?? 2 }, (_, i) => String(i)) }];
  const n = sizeOf(ds.targetShape);
  return Array.from({ length: n }, (_, i) => ({ name: n === 1 ? 'target' : `target${i + 1}` }));
}

/** Checks that need no dataset: node, loss, weight, metrics, backend. */
function checkSpec(graph: GraphDoc, spec: OutputSpec, i: number, seen: Set<string>): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const at = (field: string, message: string): GraphIssue => ({
    nodeId: graph.nodes.some((n) => n.id === spec.node) ? spec.node : undefined,
    field: `training.outputs[${i}].${field}`,
    message,
  });
  if (!graph.nodes.some((n) => n.id === spec.node)) issues.push(at('node', `names unknown node "${spec.node}"`));
  else if (seen.has(spec.node)) issues.push(at('node', `"${spec.node}" is declared as an output twice`));
  seen.add(spec.node);
  const lossName = spec.loss ?? graph.training.loss;
  if (!getLoss(lossName)) issues.push(at('loss', lossRegistry.unknownMessage(lossName)));
  const weightError = validateParams([outputWeightSpec], { weight: spec.weight }).errors[0];
  if (weightError) issues.push(at('weight', weightError.message));
  if (new Set(spec.targets).size !== spec.targets.length) issues.push(at('targets', 'names a column twice'));
  return issues;
}

function defaultMetrics(task: Task): OutputMetric[] {
  return task === 'classification' ? ['accuracy'] : ['r2'];
}

/** The metrics that apply to an output whose loss is for `task`. */
export function metricsFor(task: Task): OutputMetric[] {
  return OUTPUT_METRICS.filter((m) => (m === 'accuracy') === (task === 'classification'));
}

/** What can be checked of training.outputs before shapes are known (validateGraph reports it with the training section). */
export function checkOutputSpecs(graph: GraphDoc): GraphIssue[] {
  const specs = graph.training.outputs ?? [];
  const issues: GraphIssue[] = [];
  const seen = new Set<string>();
  specs.forEach((spec, i) => issues.push(...checkSpec(graph, spec, i, seen)));
  if (specs.length > 0 && specs.every((s) => (s.weight ?? DEFAULT_WEIGHT) === 0))
    issues.push({ field: 'training.outputs', message: 'every output has weight 0: nothing would train' });
  if (specs.length > 0 && graph.training.backend === 'webgpu')
    issues.push({ field: 'training.backend', message: 'graphs with several outputs train on the CPU for now: use "cpu"' });
  return issues;
}

/** The declared outputs as heads (after checkOutputSpecs passed), or the issues that keep them from being resolved. */
export function resolveOutputs(
  graph: GraphDoc,
  nodes: ReadonlyMap<string, ValidatedNode>,
  dataset: DatasetInfo | undefined,
): { heads: OutputHead[]; issues: GraphIssue[] } {
  const specs = graph.training.outputs ?? [];
  const issues: GraphIssue[] = [];
  if (!dataset) return { heads: [], issues };

  const columns = targetColumnsOf(dataset);
  const heads: OutputHead[] = [];
  specs.forEach((spec, i) => {
    const at = (field: string, message: string): GraphIssue => ({
      nodeId: spec.node,
      field: `training.outputs[${i}].${field}`,
      message,
    });
    const loss = getLoss(spec.loss ?? graph.training.loss)!;
    const node = nodes.get(spec.node);
    const indices = spec.targets.map((name) => columns.findIndex((c) => c.name === name));
    const unknown = spec.targets.filter((_, k) => indices[k] < 0);
    if (unknown.length) {
      issues.push(
        at(
          'targets',
          `unknown column ${unknown.map((u) => `"${u}"`).join(', ')} (the dataset's: ${columns.map((c) => c.name).join(', ')})`,
        ),
      );
      return;
    }
    const classColumns = indices.filter((k) => columns[k].classes);
    const task: Task = loss.task;
    if (task === 'classification' && (indices.length !== 1 || classColumns.length !== 1)) {
      issues.push(at('targets', `${loss.label} predicts one class column; name exactly one (a column with classes)`));
      return;
    }
    if (task === 'regression' && classColumns.length) {
      issues.push(
        at(
          'loss',
          `column "${columns[classColumns[0]].name}" holds classes; ${loss.label} is for values: use cross_entropy for it`,
        ),
      );
      return;
    }
    const metrics = spec.metrics ?? defaultMetrics(task);
    const wrong = metrics.filter((m) => !metricsFor(task).includes(m));
    if (wrong.length) {
      issues.push(at('metrics', `${wrong.join(', ')} does not apply to a ${task} output (use ${metricsFor(task).join(' or ')})`));
      return;
    }
    if (!node) return; // the node has its own issue already
    const width = sizeOf(node.outputShape);
    const classNames = task === 'classification' ? columns[indices[0]].classes : undefined;
    if (task === 'classification') {
      const classes = classNames!.length;
      const binary = loss.name === 'binary_cross_entropy' || loss.name === 'perceptron';
      const fits = binary
        ? classes === 2 && width === 1
        : width === classes || (classes === 2 && width === 1 && loss.name !== 'cross_entropy' && loss.name !== 'hinge');
      if (!fits) {
        issues.push({
          nodeId: spec.node,
          message: `gives ${formatShape(node.outputShape)} as output ${i + 1}, but column "${spec.targets[0]}" has ${classes} classes: end with ${binary ? 1 : classes} unit${binary ? '' : 's'}`,
        });
        return;
      }
    } else if (width !== indices.length) {
      issues.push({
        nodeId: spec.node,
        message: `gives ${formatShape(node.outputShape)} as output ${i + 1}, but it predicts ${indices.length} column${indices.length === 1 ? '' : 's'} (${spec.targets.join(', ')}): end with ${indices.length} units`,
      });
      return;
    }
    heads.push({
      nodeId: spec.node,
      loss,
      weight: spec.weight ?? DEFAULT_WEIGHT,
      columns: indices,
      targetNames: [...spec.targets],
      task,
      ...(classNames ? { classNames } : {}),
      width,
      metrics,
    });
  });
  return { heads, issues };
}
