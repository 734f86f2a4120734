// What a weights file carries besides the weights, so a model can predict from raw inputs: the
// columns it reads, the scaling fitted on its training split, class names, and the squashing
// that turns its outputs into the probabilities `predict` reports.
import type { Dataset, Task } from '../data/types';
import type { Scaler, ScalerKind } from '../data/scaler';
import type { Model } from '../graph/model';
import type { LossDef } from '../losses';

/** One raw input column: a number, or a text column one-hot encoded over its categories. */
export interface InputColumn {
  name: string;
  categories?: string[];
}

export interface Preprocessing {
  task: Task;
  /** One sample's shape as LayerLab takes it (channels-last). */
  inputShape: number[];
  columns: InputColumn[];
  /** x' = (x − offset)·factor per flat feature, fitted on the training split. */
  scaling?: { kind: ScalerKind; offset: number[]; factor: number[] };
  /** PCA or ZCA whitening fitted on the training split, instead of `scaling` (whitening.ts). */
  whitening?: ExportedWhitening;
  classNames?: string[];
  /** Headers of predict's output columns. */
  outputNames: string[];
  /** Applied after the model's last layer when the loss implies it (logits out of the graph). */
  finalSquash?: 'softmax' | 'sigmoid';
  /** A multi-output graph's outputs, in order: predict writes their columns side by side (outputNames). */
  outputs?: ExportedOutput[];
}

/**
 * x' = matrix·(x − mean) over one sample's flat features in LayerLab's (channels-last) order;
 * matrix is row-major f×f. Weights files carry mean and matrix as tensors (whiteningTensors.ts).
 */
export interface ExportedWhitening {
  kind: 'pca' | 'zca';
  mean: number[];
  matrix: number[];
}

/** The fitted scaling or whitening as the weights file describes it. */
function scalerDescription(scaler: Scaler | undefined): Pick<Preprocessing, 'scaling' | 'whitening'> {
  if (!scaler) return {};
  if ('matrix' in scaler)
    return { whitening: { kind: scaler.kind, mean: Array.from(scaler.mean), matrix: Array.from(scaler.matrix) } };
  return { scaling: { kind: scaler.kind, offset: Array.from(scaler.offset), factor: Array.from(scaler.factor) } };
}

/** One output of a multi-output graph as predict and the exporters see it. */
export interface ExportedOutput {
  node: string;
  width: number;
  /** Its columns in predict's output ("class:square", "box:x", …). */
  names: string[];
  /** The squashing its loss implies but its node does not apply. */
  finalSquash?: 'softmax' | 'sigmoid';
}

/** Each output of a multi-output model: its columns named `node:class` or `node:target column`. */
function exportedOutputs(model: Model): ExportedOutput[] | undefined {
  const heads = model.validated.heads;
  if (!heads) return undefined;
  return heads.map((h) => {
    const squash = model.nodes.find((n) => n.id === h.nodeId)?.instance.squash;
    const finalSquash = h.loss.absorbs && h.loss.absorbs !== 'step' && squash !== h.loss.absorbs ? h.loss.absorbs : undefined;
    const names =
      h.task === 'classification'
        ? h.width === 1
          ? [`p(${h.classNames?.[1] ?? 'class 1'})`]
          : Array.from({ length: h.width }, (_, c) => h.classNames?.[c] ?? `class ${c}`)
        : h.targetNames;
    return {
      node: h.nodeId,
      width: h.width,
      names: names.map((n) => `${h.nodeId}:${n}`),
      ...(finalSquash ? { finalSquash } : {}),
    };
  });
}

/** The squashing the loss implies but the graph's output does not apply itself. */
export function finalSquashOf(model: Model, loss: LossDef): 'softmax' | 'sigmoid' | undefined {
  // A step output (the perceptron criterion) is refused by the exporters; predict shows its raw z.
  if (loss.absorbs === 'step') return undefined;
  return loss.absorbs && model.outputSquash() !== loss.absorbs ? loss.absorbs : undefined;
}

/** Tabular features `col=value` come from one text column; anything else is one numeric column (x1, x2, … without names). */
export function inputColumns(dataset: Pick<Dataset, 'featureNames' | 'inputShape'>): InputColumn[] {
  const count = dataset.inputShape.reduce((a, b) => a * b, 1);
  const names =
    dataset.featureNames && dataset.featureNames.length === count
      ? dataset.featureNames
      : Array.from({ length: count }, (_, i) => `x${i + 1}`);
  const columns: InputColumn[] = [];
  for (const name of names) {
    const eq = name.indexOf('=');
    const last = columns[columns.length - 1];
    if (eq > 0 && dataset.featureNames) {
      const column = name.slice(0, eq);
      if (last?.categories && last.name === column) last.categories.push(name.slice(eq + 1));
      else columns.push({ name: column, categories: [name.slice(eq + 1)] });
    } else columns.push({ name });
  }
  return columns;
}

export function describePreprocessing(dataset: Dataset, model: Model, loss: LossDef, scaler: Scaler | undefined): Preprocessing {
  const width = model.outputNode.outputShape.reduce((a, b) => a * b, 1);
  const classes = dataset.classNames;
  const outputNames =
    dataset.task === 'classification'
      ? width === 1
        ? [`p(${classes?.[1] ?? 'class 1'})`]
        : Array.from({ length: width }, (_, c) => classes?.[c] ?? `class ${c}`)
      : width === 1 && dataset.targetName
        ? [dataset.targetName]
        : Array.from({ length: width }, (_, i) => `y${i + 1}`);
  const squash = finalSquashOf(model, loss);
  const outputs = exportedOutputs(model);
  if (outputs)
    return {
      task: dataset.task,
      inputShape: [...dataset.inputShape],
      columns: inputColumns(dataset),
      ...scalerDescription(scaler),
      outputNames: outputs.flatMap((o) => o.names),
      outputs,
    };
  return {
    task: dataset.task,
    inputShape: [...dataset.inputShape],
    columns: inputColumns(dataset),
    ...scalerDescription(scaler),
    ...(classes ? { classNames: [...classes] } : {}),
    outputNames,
    ...(squash ? { finalSquash: squash } : {}),
  };
}
