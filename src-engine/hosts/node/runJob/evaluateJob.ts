// A trained run's model over its whole validation or test split, in an engine process: the
// splits are rebuilt exactly as the run made them (same graph, same seed), the stored weights
// are loaded, and every sample is predicted once in evaluation mode.
import { loadModelState } from '../../../train/inferenceSession';
import { useCpuBackend } from '../cpuEngine';
import { prepareRun, type PreparedRun } from '../../../train/prepareRun';
import { BatchMaker, targetLayout } from '../../../train/batches';
import {
  confusionCounts,
  perClassMetrics,
  predictClasses,
  residualSummary,
  rowsAreDistributions,
  rSquared,
  softmaxRows,
  worstMistakes,
} from '../../../train/confusion';
import { splitDataset } from '../../../data/preprocess';
import { noGrad } from '../../../core/autograd';
import { Rng } from '../../../core/rng';
import { getBackend, type DataHandle } from '../../../core/backend';
import { sizeOf } from '../../../core/shape';
import { describeIssue } from '../../../../src-shared/graphFormat';
import type { Dataset, DataSplit } from '../../../data/types';
import type { EvaluationResult } from '../../../../src-shared/api';
import type { EngineToHost, HostToEngine, TensorSnapshot } from '../../../../src-shared/engineProtocol';
import { loadJobDataset } from './datasetLoad';

type EvaluateRequest = Extract<HostToEngine, { type: 'evaluate' }>;

const NOTHING: ReadonlySet<DataHandle> = new Set();

/** The most misclassified samples a reply carries. */
export const MISCLASSIFIED_LIMIT = 64;

export const MULTI_OUTPUT_EVALUATION =
  'this run has several outputs: its per-output loss and metrics are on its charts; the evaluation view reads one output';

export async function evaluateJob(request: EvaluateRequest, post: (message: EngineToHost) => void): Promise<void> {
  useCpuBackend();
  const dataset = await loadJobDataset(request.graph, post);
  if (!dataset) return;
  const prepared = prepareRun(request.graph, dataset);
  if (!prepared.ok) {
    post({ type: 'failed', message: `the run's graph no longer builds: ${prepared.issues.map(describeIssue).join('; ')}` });
    return;
  }
  const run = prepared.run;
  if (run.setup.heads) {
    // The confusion matrix and residuals read one output; several need a view of their own.
    post({ type: 'failed', message: MULTI_OUTPUT_EVALUATION });
    return;
  }
  // The dataset's own test split, or the run's testSplit fraction.
  if (request.split === 'test' && !(run.splits.test && run.splits.test.count > 0)) {
    post({
      type: 'failed',
      message: `the dataset "${dataset.name}" has no test split; use validation (or train with a test split above 0)`,
    });
    return;
  }
  const split = request.split === 'test' ? run.splits.test! : run.splits.validation;
  if (split.count === 0) {
    post({
      type: 'failed',
      message:
        'this run kept no validation samples (its validation split is 0); evaluate the test split, or train with a validation split',
    });
    return;
  }
  const loaded = loadWeights(run, request.tensors);
  if (loaded) {
    post({ type: 'failed', message: loaded });
    return;
  }
  post({ type: 'evaluation', evaluation: evaluateSplit(run, dataset, split, rawInputs(run, dataset, request.split)) });
}

/** Copies the checkpoint into the model by tensor name; returns what does not fit, in words. */
export function loadWeights(run: PreparedRun, tensors: TensorSnapshot[]): string | null {
  return loadModelState(run.model, tensors);
}

/** The split's unscaled inputs (for drawing samples), rebuilt only when the run scaled them. */
function rawInputs(run: PreparedRun, dataset: Dataset, which: 'validation' | 'test'): Float32Array {
  const t = run.graph.training;
  if ((t.datasetOptions?.scaling ?? 'none') === 'none') return (which === 'test' ? run.splits.test! : run.splits.validation).x;
  if (which === 'test' && dataset.test) return dataset.test.x;
  const splits = splitDataset(dataset, { validation: t.validationSplit, test: t.testSplit ?? 0, seed: t.seed, stratify: true });
  return which === 'test' ? splits.test!.x : splits.validation.x;
}

/** Inputs small enough to send with each mistake: 2-D points, small tables and images. */
function sendsInputs(inputShape: number[]): boolean {
  const size = sizeOf(inputShape);
  return size <= 16 || (inputShape.length === 3 && size <= 64 * 64 * 3);
}

/**
 * The model's outputs over a whole split in evaluation mode (`count × width`), with the summed
 * loss; classification outputs are turned into probabilities (softmax of logits, σ of one logit).
 */
export function predictSplit(run: PreparedRun, split: DataSplit): { outputs: Float32Array; lossSum: number; width: number } {
  const { model, setup } = run;
  const loss = setup.loss;
  const layout = targetLayout(setup.task, model.outputNode.outputShape);
  const width = layout.width;
  const logitsFor = loss.absorbs && model.outputSquash() === loss.absorbs ? loss.absorbs : undefined;
  const maker = new BatchMaker(split, setup.inputShape, layout);
  const rows = Int32Array.from({ length: split.count }, (_, i) => i);
  const outputs = new Float32Array(split.count * width);
  const rng = new Rng(0);
  const size = Math.max(setup.batchSize, 256);
  const backend = model.params()[0]?.backend ?? getBackend();
  let lossSum = 0;
  noGrad(() => {
    for (let start = 0; start < split.count; start += size) {
      const end = Math.min(start + size, split.count);
      // Pooled backends free each batch's temporaries at once; the weights were made before.
      const scope = backend.openScope?.();
      try {
        const batch = maker.make(rows, start, end);
        const { output } = model.forward(batch.x, { training: false, rng }, { logitsFor });
        lossSum += loss.compute(output, batch.y).item() * (end - start);
        outputs.set(output.dataSync(), start * width);
      } finally {
        scope?.release(NOTHING);
      }
    }
  });
  if (setup.task === 'classification') {
    // Probabilities from whatever the output holds: logits (the loss absorbed the squashing) or values.
    if (width === 1) {
      if (loss.absorbs === 'sigmoid') for (let i = 0; i < outputs.length; i++) outputs[i] = 1 / (1 + Math.exp(-outputs[i]));
      // A perceptron's logit says only which side of the line: its "probability" is the step, 0 or 1.
      if (loss.absorbs === 'step') for (let i = 0; i < outputs.length; i++) outputs[i] = outputs[i] > 0 ? 1 : 0;
    } else if (logitsFor || !rowsAreDistributions(outputs, width)) softmaxRows(outputs, width);
  }
  return { outputs, lossSum, width };
}

function evaluateSplit(run: PreparedRun, dataset: Dataset, split: DataSplit, raw: Float32Array): EvaluationResult {
  const { setup } = run;
  const { outputs, lossSum, width } = predictSplit(run, split);
  const base = {
    task: setup.task,
    count: split.count,
    loss: lossSum / split.count,
    inputShape: [...setup.inputShape],
    ...(dataset.featureNames ? { featureNames: dataset.featureNames } : {}),
  };
  if (setup.task === 'regression') {
    return { ...base, r2: rSquared(outputs, split.y, width), residuals: residualSummary(outputs, split.y) };
  }
  const classes = Math.max(dataset.classNames?.length ?? 0, width === 1 ? 2 : width);
  const classNames = Array.from({ length: classes }, (_, c) => dataset.classNames?.[c] ?? `class ${c}`);
  const labels = Int32Array.from(split.y);
  const predictions = predictClasses(outputs, split.count, width);
  const confusion = confusionCounts(labels, predictions.predicted, classes);
  const correct = confusion.reduce((sum, row, c) => sum + row[c], 0);
  const mistakes = worstMistakes(labels, predictions, MISCLASSIFIED_LIMIT);
  const features = sizeOf(setup.inputShape);
  const withInputs = sendsInputs(setup.inputShape);
  return {
    ...base,
    accuracy: correct / split.count,
    classNames,
    confusion,
    perClass: perClassMetrics(confusion, classNames),
    misclassified: mistakes.rows.map((row) => ({
      index: row,
      label: labels[row],
      predicted: predictions.predicted[row],
      confidence: predictions.confidence[row],
      ...(withInputs ? { input: Array.from(raw.subarray(row * features, (row + 1) * features)) } : {}),
    })),
    misclassifiedCount: mistakes.total,
  };
}
