// `train <graph.json>`: trains a saved graph headlessly, printing a table or JSON lines.
import { parseArgs, type FlagSpec } from '../args';
import { CliError } from '../errors';
import { readJsonFile } from '../graphFile';
import { applyOverrides, loadTrainingDataset, parseGraphOrThrow, trainingFlags } from '../runConfig';
import { humanPrinter } from '../progress';
import { useCpuBackend } from '../../src-engine/hosts/node/cpuEngine';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import { describeIssue } from '../../src-shared/graphFormat';
import type { EngineEvent } from '../../src-shared/engineEvents';
import { describePreprocessing } from '../../src-engine/export/preprocessing';
import { encodeWeightsFile, modelTensors, WeightsError } from '../../src-engine/export/weightsFile';
import type { NamedTensor } from '../../src-engine/export/safetensors';
import { loadWeightsInto, readWeightsFile, writeBytes } from '../weightsIo';
import { machineParameterMemory } from '../../src-engine/hosts/node/machineMemory';

export const trainFlags = (): FlagSpec[] => [
  ...trainingFlags(),
  { name: 'json', kind: 'bool', help: 'one JSON object per line: each epoch, then the done event' },
  {
    name: 'save',
    kind: 'string',
    value: 'W.safetensors',
    help: 'write the trained weights (with their preprocessing) to this file',
  },
  {
    name: 'save-best',
    kind: 'bool',
    help: "with --save: the best epoch's weights (lowest validation loss) instead of the final ones",
  },
  {
    name: 'load',
    kind: 'string',
    value: 'W.safetensors',
    help: 'start from the weights in this file (LayerLab- or PyTorch-written)',
  },
];

export async function trainCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, trainFlags());
  const savePath = flags.save as string | undefined;
  if (flags['save-best'] && !savePath) throw new CliError('--save-best needs --save FILE');
  const path = positional[0];
  if (!path) throw new CliError('train needs a graph file: npm run cli -- train <graph.json>');
  if (positional.length > 1) throw new CliError(`unexpected argument "${positional[1]}"`);
  const graph = parseGraphOrThrow(applyOverrides(readJsonFile(path), flags), path);
  const backend = useCpuBackend();
  const dataset = await loadTrainingDataset(graph);
  const prepared = prepareRun(graph, dataset, { parameterMemory: machineParameterMemory() });
  if (!prepared.ok) throw new CliError(`${path}: ${prepared.issues.map(describeIssue).join('; ')}`);
  const run = prepared.run;
  if (flags.load !== undefined) loadWeightsInto(run.model, readWeightsFile(flags.load as string), flags.load as string);

  const json = flags.json === true;
  const printer = json ? (e: EngineEvent) => printJson(e) : humanPrinter(process.stdout, process.stderr);
  // The best epoch (lowest validation loss, else training loss) keeps a copy of its weights.
  const best: { loss: number; tensors: NamedTensor[] | null } = { loss: Infinity, tensors: null };
  const print = (e: EngineEvent): void => {
    if (e.event === 'epoch' && flags['save-best']) {
      const loss = e.valLoss ?? e.trainLoss;
      if (Number.isFinite(loss) && loss < best.loss) Object.assign(best, { loss, tensors: modelTensors(run.model) });
    }
    printer(e);
  };
  const stepEvery = json ? 0 : Math.max(1, Math.floor(run.setup.train.count / run.setup.batchSize / 20));
  // Known before training, so an unsavable setup is refused before the time is spent.
  const preprocessing = savePath
    ? describeForSave(() => describePreprocessing(dataset, run.model, run.validated.loss, run.scaler))
    : undefined;
  let stopping = false;
  const onSigint = () => (stopping = true);
  process.once('SIGINT', onSigint);
  const done = await train({ ...run.setup, stepEventEvery: stepEvery, backendName: backend.name }, print, {
    shouldStop: () => stopping,
  });
  process.off('SIGINT', onSigint);
  if (savePath && preprocessing) {
    const chosen = flags['save-best'] ? best.tensors : null;
    const tensors = chosen ?? modelTensors(run.model);
    writeBytes(savePath, encodeWeightsFile(tensors, { graph: run.graph, preprocessing, checkpoint: chosen ? 'best' : 'final' }));
  }
  return done.status === 'completed' ? 0 : 1;
}

function printJson(e: EngineEvent): void {
  if (e.event === 'start' || e.event === 'step') return;
  if (e.event === 'epoch') {
    const { event, epoch, trainLoss, trainAcc, valLoss, valAcc, valR2, valEntropy, trainObjective, valObjective } = e;
    const { outputs, lr, samplesPerSec, layers } = e;
    process.stdout.write(
      JSON.stringify({
        event,
        epoch,
        trainLoss,
        trainAcc,
        valLoss,
        valAcc,
        valR2,
        valEntropy,
        trainObjective,
        valObjective,
        outputs,
        lr,
        samplesPerSec,
        layers,
      }) + '\n',
    );
    return;
  }
  process.stdout.write(JSON.stringify(e) + '\n');
}

function describeForSave<T>(describe: () => T): T {
  try {
    return describe();
  } catch (e) {
    if (e instanceof WeightsError) throw new CliError(e.message);
    throw e;
  }
}
