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

export const trainFlags = (): FlagSpec[] => [...trainingFlags(), { name: 'json', kind: 'bool', help: 'one JSON object per line: each epoch, then the done event' }];

export async function trainCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, trainFlags());
  const path = positional[0];
  if (!path) throw new CliError('train needs a graph file: npm run cli -- train <graph.json>');
  if (positional.length > 1) throw new CliError(`unexpected argument "${positional[1]}"`);
  const graph = parseGraphOrThrow(applyOverrides(readJsonFile(path), flags), path);
  const backend = useCpuBackend();
  const dataset = await loadTrainingDataset(graph);
  const prepared = prepareRun(graph, dataset);
  if (!prepared.ok) throw new CliError(`${path}: ${prepared.issues.map(describeIssue).join('; ')}`);
  const run = prepared.run;

  const json = flags.json === true;
  const print = json ? (e: EngineEvent) => printJson(e) : humanPrinter(process.stdout, process.stderr);
  const stepEvery = json ? 0 : Math.max(1, Math.floor(run.setup.train.count / run.setup.batchSize / 20));
  let stopping = false;
  const onSigint = () => (stopping = true);
  process.once('SIGINT', onSigint);
  const done = await train({ ...run.setup, stepEventEvery: stepEvery, backendName: backend.name }, print, { shouldStop: () => stopping });
  process.off('SIGINT', onSigint);
  return done.status === 'completed' ? 0 : 1;
}

function printJson(e: EngineEvent): void {
  if (e.event === 'start' || e.event === 'step') return;
  if (e.event === 'epoch') {
    const { event, epoch, trainLoss, trainAcc, valLoss, valAcc, valR2, lr, samplesPerSec, layers } = e;
    process.stdout.write(JSON.stringify({ event, epoch, trainLoss, trainAcc, valLoss, valAcc, valR2, lr, samplesPerSec, layers }) + '\n');
    return;
  }
  process.stdout.write(JSON.stringify(e) + '\n');
}
