// A graph, its dataset and a model with weights, as `predict` and `export` need them.
import { CliError } from './errors';
import { readJsonFile } from './graphFile';
import { applyOverrides, loadTrainingDataset, parseGraphOrThrow } from './runConfig';
import { loadWeightsInto, readWeightsFile } from './weightsIo';
import { useCpuBackend } from '../src-engine/hosts/node/cpuEngine';
import { prepareRun, type PreparedRun } from '../src-engine/train/prepareRun';
import type { Preprocessing } from '../src-engine/export/preprocessing';
import { WeightsError, type WeightsFile } from '../src-engine/export/weightsFile';
import type { PytorchExportInput } from '../src-engine/export/pytorch/exportPytorch';
import { pytorchInput, rawSplits, runPreprocessing } from '../src-engine/export/modelExport';
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
  return {
    graph: run.graph,
    dataset,
    run,
    // The file's own preprocessing wins: it is what the weights were trained with.
    preprocessing: file?.preprocessing ?? preprocessingOf(dataset, run),
    ...(file ? { file } : {}),
    raw: rawSplits(dataset, run),
  };
}

function preprocessingOf(dataset: Dataset, run: PreparedRun): Preprocessing {
  try {
    return runPreprocessing(dataset, run);
  } catch (e) {
    if (e instanceof WeightsError) throw new CliError(e.message);
    throw e;
  }
}

/** What the PyTorch exporter needs from a set-up model: one mapping for the CLI and its tests. */
export function pytorchExportInput(setup: ModelSetup, title: string): PytorchExportInput {
  return pytorchInput(setup.run, setup.preprocessing, setup.raw, title);
}
