// Applying command-line overrides to a graph's training section, then loading its dataset.
import { loadDatasetDetailed } from '../src-engine/hosts/node/datasets';
import { DatasetError } from '../src-engine/data/errors';
import { parseGraph, describeIssue, DEFAULT_INITIALIZER, type GraphDoc } from '../src-shared/graphFormat';
import { listSchedules } from '../src-engine/optim';
import { getLoss, lossRegistry } from '../src-engine/losses';
import { testSpec } from '../src-engine/train/trainingSpecs';
import { CliError } from './errors';
import type { FlagSpec } from './args';
import {
  dropoutDefault,
  initializerNames,
  lossForms,
  lossNames,
  optimizerNames,
  optimizerSettingFlags,
  scalingNames,
  scheduleForms,
} from './registryFlags';
import type { Dataset } from '../src-engine/data/types';

/** Flags every training command takes; names, settings and defaults come from the registries. */
export function trainingFlags(): FlagSpec[] {
  const schedules = listSchedules()
    .map((x) => x.type)
    .join(', ');
  return [
    {
      name: 'dataset',
      kind: 'string',
      value: 'ID|FILE',
      help: 'dataset id (see `datasets`) or a .csv / IDX path',
      default: "the graph's",
    },
    { name: 'target', kind: 'string', value: 'COLUMN', help: 'target column of a CSV dataset' },
    {
      name: 'missing',
      kind: 'string',
      value: 'refuse|drop',
      help: 'rows with missing values in a CSV: refuse the file or drop them',
      default: 'refuse',
    },
    {
      name: 'scaling',
      kind: 'string',
      value: scalingNames().join('|'),
      help: 'feature scaling fitted on the training split',
      default: 'none',
    },
    { name: 'epochs', kind: 'int', help: 'number of passes over the training data', default: "the graph's" },
    { name: 'batch-size', kind: 'int', help: 'samples per step', default: "the graph's" },
    {
      name: 'loss',
      kind: 'string',
      value: 'NAME[:K=V,…]',
      help: `loss function: ${lossNames()}; with its settings: ${lossForms()}`,
      default: "the graph's",
    },
    { name: 'optimizer', kind: 'string', value: 'NAME', help: `update rule: ${optimizerNames()}`, default: "the graph's" },
    ...optimizerSettingFlags().map(({ param: _param, ...flag }) => flag),
    {
      name: 'schedule',
      kind: 'string',
      value: 'TYPE[:K=V,…]',
      help: `learning-rate schedule (${schedules}): ${scheduleForms()}`,
      default: 'constant',
    },
    {
      name: 'init',
      kind: 'string',
      value: 'NAME',
      help: `default weight initializer: ${initializerNames()}`,
      default: DEFAULT_INITIALIZER,
    },
    {
      name: 'dropout',
      kind: 'number',
      value: 'RATE',
      help: 'rate of every Dropout layer in the graph',
      default: `the layers' (else ${dropoutDefault()})`,
    },
    { name: 'seed', kind: 'int', help: 'seed for weights, shuffling and dropout', default: "the graph's" },
    {
      name: 'val-split',
      kind: 'number',
      value: 'F',
      help: 'fraction of samples held out for validation',
      default: "the graph's",
    },
    {
      name: 'test-split',
      kind: 'number',
      value: 'F',
      help: `${testSpec.description} The done event reports finalTestLoss and finalTestAcc.`,
      default: "the graph's, else 0",
    },
  ];
}

type Json = Record<string, unknown>;

/** Flags override the file's training section (before validation, so bad values are reported like the file's). */
export function applyOverrides(doc: unknown, flags: Record<string, string | number | boolean>): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  const graph = { ...(doc as Json) };
  const training: Json = typeof graph.training === 'object' && graph.training !== null ? { ...(graph.training as Json) } : {};
  const optimizer: Json =
    typeof training.optimizer === 'object' && training.optimizer !== null ? { ...(training.optimizer as Json) } : {};
  const datasetOptions: Json =
    typeof training.datasetOptions === 'object' && training.datasetOptions !== null
      ? { ...(training.datasetOptions as Json) }
      : {};
  if (flags.dataset !== undefined) training.dataset = flags.dataset;
  if (flags.target !== undefined) datasetOptions.target = flags.target;
  if (flags.missing !== undefined) datasetOptions.missing = flags.missing;
  if (flags.epochs !== undefined) training.epochs = flags.epochs;
  if (flags['batch-size'] !== undefined) training.batchSize = flags['batch-size'];
  if (flags.optimizer !== undefined) optimizer.name = flags.optimizer;
  for (const f of optimizerSettingFlags()) if (flags[f.name] !== undefined) optimizer[f.param] = flags[f.name];
  if (flags.schedule !== undefined) optimizer.schedule = parseSchedule(String(flags.schedule));
  if (flags.loss !== undefined) {
    const { name, options } = parseLoss(String(flags.loss));
    training.loss = name;
    if (options) training.lossOptions = options;
    else delete training.lossOptions;
  }
  if (flags.scaling !== undefined) datasetOptions.scaling = flags.scaling;
  if (flags.dropout !== undefined) graph.nodes = setDropout(graph.nodes, flags.dropout);
  if (flags.init !== undefined) training.initializer = flags.init;
  if (flags.seed !== undefined) training.seed = flags.seed;
  if (flags['val-split'] !== undefined) training.validationSplit = flags['val-split'];
  if (flags['test-split'] !== undefined) training.testSplit = flags['test-split'];
  training.optimizer = optimizer;
  if (Object.keys(datasetOptions).length) training.datasetOptions = datasetOptions;
  graph.training = training;
  return graph;
}

/** `mse`, `mse:half=true`: a loss and its declared settings (checked by validation, like the file's). */
export function parseLoss(text: string): { name: string; options?: Json } {
  const [rawName, rest] = text.split(/:(.*)/s, 2);
  const name = rawName.trim();
  if (rest === undefined) return { name };
  const loss = getLoss(name);
  if (!loss) throw new CliError(`option --loss: ${lossRegistry.unknownMessage(name)}`);
  const options: Json = {};
  for (const pair of rest
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [key, value = ''] = pair.split('=', 2).map((x) => x.trim());
    const spec = loss.params.find((p) => p.name === key);
    if (!spec)
      throw new CliError(
        `option --loss: ${name} has no setting "${key}" (it has: ${loss.params.map((p) => p.name).join(', ') || 'none'})`,
      );
    options[key] = spec.kind === 'bool' ? value === 'true' || value === '' : spec.kind === 'enum' ? value : Number(value);
    if (spec.kind === 'bool' && !['true', 'false', ''].includes(value))
      throw new CliError(`option --loss: ${key} is true or false, like ${name}:${key}=true`);
  }
  return { name, options };
}

/** `cosine`, `step:stepSize=5,gamma=0.5`: the registry's defaults fill what is not given. */
export function parseSchedule(text: string): Json {
  const [type, rest] = text.split(/:(.*)/s, 2);
  const info = listSchedules().find((s) => s.type === type.trim());
  if (!info)
    throw new CliError(
      `option --schedule: unknown schedule "${type}" (known: ${listSchedules()
        .map((s) => s.type)
        .join(', ')})`,
    );
  const schedule: Json = { type: info.type };
  for (const p of info.params) if (!p.optional && 'default' in p && p.default !== undefined) schedule[p.name] = p.default;
  for (const pair of (rest ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [key, value] = pair.split('=', 2).map((x) => x?.trim());
    if (!info.params.some((p) => p.name === key))
      throw new CliError(
        `option --schedule: ${info.type} has no setting "${key}" (it has: ${info.params.map((p) => p.name).join(', ') || 'none'})`,
      );
    const n = Number(value);
    if (value === undefined || value === '' || !Number.isFinite(n))
      throw new CliError(
        `option --schedule: ${key} needs a number, like ${key}=${info.params.find((p) => p.name === key)!.kind === 'int' ? 10 : 0.5}`,
      );
    schedule[key] = n;
  }
  return schedule;
}

/** Sets the rate of every Dropout node. */
function setDropout(nodes: unknown, rate: unknown): unknown {
  const list = Array.isArray(nodes) ? (nodes as Json[]) : [];
  if (!list.some((n) => n?.type === 'Dropout')) throw new CliError('option --dropout: the graph has no Dropout layer');
  return list.map((n) => (n?.type === 'Dropout' ? { ...n, params: { ...(n.params as Json | undefined), rate } } : n));
}

export function parseGraphOrThrow(doc: unknown, path: string): GraphDoc {
  const parsed = parseGraph(doc);
  if (!parsed.ok) throw new CliError(`${path}: ${parsed.issues.map(describeIssue).join('; ')}`);
  return parsed.graph;
}

/** Loads the graph's dataset; rows dropped for missing values are reported on stderr. */
export async function loadTrainingDataset(graph: GraphDoc): Promise<Dataset> {
  const t = graph.training;
  const o = t.datasetOptions ?? {};
  try {
    const { dataset, droppedRows, missingByColumn } = await loadDatasetDetailed(t.dataset, {
      ...(o.samples !== undefined ? { samples: o.samples } : {}),
      ...(o.noise !== undefined ? { noise: o.noise } : {}),
      seed: o.seed ?? t.seed,
      ...(o.target !== undefined ? { target: o.target } : {}),
      ...(o.missing !== undefined ? { missing: o.missing } : {}),
      ...(o.categorical?.length
        ? { columnTypes: Object.fromEntries(o.categorical.map((c) => [c, 'categorical' as const])) }
        : {}),
    });
    if (droppedRows > 0) {
      const where = Object.entries(missingByColumn ?? {})
        .filter(([, n]) => n > 0)
        .map(([c, n]) => `${c}: ${n}`)
        .join(', ');
      process.stderr
        .write(`note: dropped ${droppedRows} row${droppedRows === 1 ? '' : 's'} with missing values${where ? ` (${where})` : ''}
`);
    }
    return dataset;
  } catch (e) {
    if (e instanceof DatasetError) throw new CliError(`dataset "${t.dataset}": ${e.message}`);
    throw e;
  }
}
