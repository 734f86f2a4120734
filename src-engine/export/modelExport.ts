// A trained model as the files a user takes away: its weights (safetensors), an ONNX file or a
// PyTorch folder. One place for the CLI's `export` and the app's Export menu, so both write the same bytes.
import { splitDataset } from '../data/preprocess';
import type { Dataset, DataSplit } from '../data/types';
import type { PreparedRun } from '../train/prepareRun';
import { describePreprocessing, type Preprocessing } from './preprocessing';
import { encodeWeightsFile, modelTensors } from './weightsFile';
import { channelsFirst, exportPytorch, type PytorchExportInput } from './pytorch/exportPytorch';
import { torchInputShape } from './pytorch/modelPy';
import { predictOutputs } from './predict';
import { exportOnnx } from './onnx/exportOnnx';
import type { ModelExportFormat } from '../../src-shared/api';
import { fileStem } from './fileStem';

export type { ModelExportFormat };

/** The splits before scaling (what a user's raw inputs look like), rebuilt exactly as the run split them. */
export function rawSplits(dataset: Dataset, run: PreparedRun): { train: DataSplit; validation: DataSplit; test?: DataSplit } {
  const t = run.graph.training;
  // The run's own splits, unscaled: the same rows prepareRun trained, validated and tested on.
  const split = splitDataset(dataset, { validation: t.validationSplit, test: t.testSplit ?? 0, seed: t.seed, stratify: true });
  return { train: split.train, validation: split.validation, ...(split.test ? { test: split.test } : {}) };
}

/** The preprocessing the run's model expects: its fitted scaling or whitening, columns and outputs. */
export function runPreprocessing(dataset: Dataset, run: PreparedRun): Preprocessing {
  return describePreprocessing(dataset, run.model, run.validated.loss, run.scaler);
}

/** What the PyTorch exporter needs from a model with its weights loaded. */
export function pytorchInput(
  run: PreparedRun,
  preprocessing: Preprocessing,
  raw: { train: DataSplit; validation: DataSplit },
  title: string,
): PytorchExportInput {
  return {
    model: run.model,
    graph: run.graph,
    loss: run.validated.loss,
    preprocessing,
    train: raw.train,
    validation: raw.validation,
    title,
  };
}

/**
 * The files of one export, by name: `<title>.safetensors`, `<title>.onnx`, or the PyTorch folder's
 * files. The model already holds the weights to export. Throws ExportError / WeightsError, which name
 * what cannot be exported.
 */
export function exportModelFiles(
  run: PreparedRun,
  dataset: Dataset,
  format: ModelExportFormat,
  info: { title: string; checkpoint?: string },
): Map<string, Uint8Array> {
  const preprocessing = runPreprocessing(dataset, run);
  const base = fileStem(info.title);
  if (format === 'safetensors') {
    const bytes = encodeWeightsFile(modelTensors(run.model), {
      graph: run.graph,
      preprocessing,
      ...(info.checkpoint ? { checkpoint: info.checkpoint } : {}),
    });
    return new Map([[`${base}.safetensors`, bytes]]);
  }
  if (format === 'onnx') {
    return new Map([[`${base}.onnx`, exportOnnx(run.model, run.validated.loss, preprocessing, info.title)]]);
  }
  return exportPytorch(pytorchInput(run, preprocessing, rawSplits(dataset, run), info.title));
}

/** Raw validation rows in the ONNX model's input layout (channels-first) and LayerLab's own outputs for them. */
export interface OnnxCheckSamples {
  x: Float32Array<ArrayBuffer>;
  dims: number[];
  outputs: Float32Array<ArrayBuffer>;
}

/**
 * The first `count` validation samples (training ones when the run kept none), for checking an
 * exported ONNX model against LayerLab: the model must already hold the exported weights.
 */
export function onnxCheckSamples(run: PreparedRun, dataset: Dataset, count: number): OnnxCheckSamples {
  const pre = runPreprocessing(dataset, run);
  const raw = rawSplits(dataset, run);
  const split = raw.validation.count > 0 ? raw.validation : raw.train;
  const n = Math.min(count, split.count);
  const features = pre.inputShape.reduce((a, b) => a * b, 1);
  const x = split.x.slice(0, n * features);
  return {
    x: Float32Array.from(channelsFirst(x, pre.inputShape)),
    dims: [n, ...torchInputShape(pre.inputShape)],
    outputs: Float32Array.from(predictOutputs(run.model, pre, x, n)),
  };
}
