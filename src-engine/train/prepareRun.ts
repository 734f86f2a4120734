// From a saved graph and a loaded dataset to everything a training run needs: validation,
// splits, scaling fitted on the training split, model weights and the optimizer.
import { validateGraph, type DatasetInfo, type ValidatedGraph } from '../graph/validate';
import { Model } from '../graph/model';
import { hostParameterMemory, type ParameterMemory } from '../graph/parameterBudget';
import { createOptimizer, type Optimizer } from '../optim';
import { splitDataset, fitScaler, applyScaler, type DatasetSplits, type Scaler } from '../data/preprocess';
import { sizeOf } from '../core/shape';
import { targetSize } from '../data/make-dataset';
import type { Dataset, DataSplit } from '../data/types';
import type { GraphDoc, GraphIssue } from '../../src-shared/graphFormat';
import type { TrainSetup } from './trainer';
import { addPlaneFeatures, isPlane } from '../data/planeFeatures';

export function datasetInfo(
  ds: Pick<Dataset, 'task' | 'inputShape' | 'targetShape' | 'classNames' | 'targetColumns'>,
): DatasetInfo {
  return {
    task: ds.task,
    inputShape: ds.inputShape,
    targetShape: ds.targetShape,
    classCount: ds.classNames?.length,
    ...(ds.targetColumns ? { targetColumns: ds.targetColumns } : {}),
  };
}

export interface PreparedRun {
  graph: GraphDoc;
  validated: ValidatedGraph;
  model: Model;
  optimizer: Optimizer;
  splits: DatasetSplits;
  setup: TrainSetup;
  /** The scaling fitted on the training split (absent when the graph asks for none): views in the data's own units undo it. */
  scaler?: Scaler;
}

export function prepareRun(
  graphValue: unknown,
  loaded: Dataset,
  options: { parameterMemory?: ParameterMemory } = {},
): { ok: true; run: PreparedRun } | { ok: false; issues: GraphIssue[] } {
  // Input features of 2-D data become columns here, before validation, so the Input's shape includes them.
  const features = (graphValue as Partial<GraphDoc> | null)?.training?.datasetOptions?.features;
  if (features?.length && !isPlane(loaded.inputShape))
    return {
      ok: false,
      issues: [
        {
          field: 'training.datasetOptions.features',
          message: `input features (x₁², sin x₁, …) need 2-D data; "${loaded.id}" has samples of shape [${loaded.inputShape.join(', ')}]`,
        },
      ],
    };
  const dataset = Array.isArray(features) ? addPlaneFeatures(loaded, features) : loaded;
  const v = validateGraph(graphValue, datasetInfo(dataset), {
    parameterMemory: options.parameterMemory ?? hostParameterMemory(),
  });
  if (!v.ok) return { ok: false, issues: v.issues };
  const graph = v.validated.graph;
  const t = graph.training;
  const splits = splitDataset(dataset, { validation: t.validationSplit, test: t.testSplit ?? 0, seed: t.seed, stratify: true });
  const scaling = t.datasetOptions?.scaling ?? 'none';
  let scaler: Scaler | undefined;
  if (scaling !== 'none') {
    const features = sizeOf(dataset.inputShape);
    scaler = fitScaler(scaling, splits.train, features);
    const fitted = scaler;
    const scale = (s: DataSplit): DataSplit => ({ ...s, x: applyScaler(fitted, s.x) });
    splits.train = scale(splits.train);
    splits.validation = scale(splits.validation);
    if (splits.test) splits.test = scale(splits.test);
  }
  const model = new Model(v.validated, t.seed);
  const optimizer = createOptimizer({ ...t.optimizer });
  return {
    ok: true,
    run: {
      graph,
      validated: v.validated,
      model,
      optimizer,
      splits,
      ...(scaler ? { scaler } : {}),
      setup: {
        model,
        loss: v.validated.loss,
        optimizer,
        task: dataset.task,
        inputShape: dataset.inputShape,
        train: splits.train,
        validation: splits.validation.count > 0 ? splits.validation : undefined,
        test: splits.test,
        batchSize: t.batchSize,
        epochs: t.epochs,
        seed: t.seed,
        ...(v.validated.heads ? { heads: v.validated.heads, rowWidth: targetSize(dataset) } : {}),
      },
    },
  };
}
