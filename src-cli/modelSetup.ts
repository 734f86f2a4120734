// A graph, its dataset and a model with weights, as `predict` and `export` need them.
import { CliError } from './errors';
import { readJsonFile } from './graphFile';
import { applyOverrides, loadTrainingDataset, parseGraphOrThrow } from './runConfig';
import { loadWeightsInto, readWeightsFile } from './weightsIo';
import { useCpuBackend } from '../src-engine/hosts/node/cpuEngine';
import { prepareRun, type PreparedRun } from '../src-engine/train/prepareRun';
import { splitDataset } from '../src-engine/data/preprocess';
import { describePreprocessing, type Preprocessing } from '../src-engine/export/preprocessing';
import { WeightsError, type WeightsFile } from '../src-engine/export/weightsFile';
import type { PytorchExportInput } from '../src-engine/export/pytorch/exportPytorch';
import { describeIssue, type GraphDoc } from '../src-shared/graphFormat';
import type { Dataset, DataSplit } from '../src-engine/data/types';
import { machineParameterMemory } from '../src-engine/hosts/node/machineMemory';

export interface ModelSetup {
  graph: GraphDoc;
  dataset: Dataset;
  run: PreparedRun;
  preprocessing: Preprocessing;
  /** The weights file, when one was given. */
  file?: WeightsFile;
  /** The splits before scaling (what a user's raw inputs look like). */
  raw: { train: DataSplit; validation: DataSplit; test?: DataSplit };
}

/** Loads the graph and its dataset, builds the model and loads the weights file (when given). */
export async function setUpModel(
  path: string,
  flags: Record<string, string | number | boolean>,
  weightsPath?: string,
): Promise<ModelSetup> {
  const graph = parseGraphOrThrow(applyOverrides(readJsonFile(path), flags), path);
  useCpuBackend();
  const dataset = await loadTrainingDataset(graph);
  const prepared = prepareRun(graph, dataset, { parameterMemory: machineParameterMemory() });
  if (!prepared.ok) throw new CliError(`${path}: ${prepared.issues.map(describeIssue).join('; ')}`);
  const run = prepared.run;
  let file: WeightsFile | undefined;
  if (weightsPath) {
    file = readWeightsFile(weightsPath);
    loadWeightsInto(run.model, file, weightsPath);
  }
  const t = run.graph.training;
  // The run's own splits, unscaled: the same rows prepareRun trained, validated and tested on.
  const split = splitDataset(dataset, { validation: t.validationSplit, test: t.testSplit ?? 0, seed: t.seed, stratify: true });
  return {
    graph: run.graph,
    dataset,
    run,
    // The file's own preprocessing wins: it is what the weights were trained with.
    preprocessing: file?.preprocessing ?? preprocessingOf(dataset, run),
    ...(file ? { file } : {}),
    raw: { train: split.train, validation: split.validation, ...(split.test ? { test: split.test } : {}) },
  };
}

function preprocessingOf(dataset: Parameters<typeof describePreprocessing>[0], run: PreparedRun): Preprocessing {
  try {
    return describePreprocessing(dataset, run.model, run.validated.loss, run.scaler);
  } catch (e) {
    if (e instanceof WeightsError) throw new CliError(e.message);
    throw e;
  }
}

/** What the PyTorch exporter needs from a set-up model: one mapping for the CLI and its tests. */
export function pytorchExportInput(setup: ModelSetup, title: string): PytorchExportInput {
  return {
    model: setup.run.model,
    graph: setup.graph,
    loss: setup.run.validated.loss,
    preprocessing: setup.preprocessing,
    train: setup.raw.train,
    validation: setup.raw.validation,
    title,
  };
}
