// `gradcheck <graph.json>`: backprop against central differences for every parameter.
import { parseArgs, type FlagSpec } from '../args';
import { CliError } from '../errors';
import { readJsonFile } from '../graphFile';
import { applyOverrides, loadTrainingDataset, parseGraphOrThrow, trainingFlags } from '../runConfig';
import { useCpuBackend, cpuFloat64 } from '../../src-engine/hosts/node/cpuEngine';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { modelGradCheck } from '../../src-engine/train/modelGradCheck';
import { describeIssue } from '../../src-shared/graphFormat';
import { machineParameterMemory } from '../../src-engine/hosts/node/machineMemory';

export const gradcheckFlags = (): FlagSpec[] => [
  ...trainingFlags(),
  { name: 'tolerance', kind: 'number', help: 'largest acceptable relative error', default: '1e-4', min: 0, minExclusive: true },
  { name: 'samples', kind: 'int', help: 'samples in the checked batch (at most 16)', default: '4', min: 1, max: 16 },
  { name: 'json', kind: 'bool', help: 'print JSON' },
];

export async function gradcheckCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, gradcheckFlags());
  const path = positional[0];
  if (!path) throw new CliError('gradcheck needs a graph file: npm run cli -- gradcheck <graph.json>');
  const tolerance = (flags.tolerance as number | undefined) ?? 1e-4;
  const graph = parseGraphOrThrow(applyOverrides(readJsonFile(path), flags), path);
  useCpuBackend();
  const dataset = await loadTrainingDataset(graph);
  const prepared = prepareRun(graph, dataset, { parameterMemory: machineParameterMemory() });
  if (!prepared.ok) throw new CliError(`${path}: ${prepared.issues.map(describeIssue).join('; ')}`);
  const { run } = prepared;
  const errors = modelGradCheck(
    run.validated,
    { split: run.splits.train, task: dataset.task, inputShape: dataset.inputShape },
    cpuFloat64(),
    { samples: (flags.samples as number | undefined) ?? 4 },
  );
  const worst = Math.max(0, ...errors.map((e) => e.maxRelError));
  if (flags.json) {
    process.stdout.write(JSON.stringify({ tolerance, maxRelError: worst, passed: worst <= tolerance, params: errors }) + '\n');
  } else {
    process.stdout.write(`${'parameter'.padEnd(28)}  max relative error\n`);
    for (const e of errors) {
      const mark = e.maxRelError <= tolerance ? 'ok' : 'TOO LARGE';
      process.stdout.write(`${`${e.nodeId}.${e.param}`.padEnd(28)}  ${e.maxRelError.toExponential(2).padStart(9)}  ${mark}\n`);
    }
    process.stdout.write(
      worst <= tolerance
        ? `Gradients match (largest error ${worst.toExponential(2)} ≤ ${tolerance}).\n`
        : `Gradient check FAILED: largest error ${worst.toExponential(2)} > ${tolerance}.\n`,
    );
  }
  return worst <= tolerance ? 0 : 1;
}
