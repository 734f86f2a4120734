// Applying command-line overrides to a graph's training section, then loading its dataset.
import { loadDatasetDetailed } from '../src-engine/hosts/node/datasets';
import { DatasetError } from '../src-engine/data/errors';
import { parseGraph, describeIssue, type GraphDoc } from '../src-shared/graphFormat';
import { CliError } from './errors';
import type { FlagSpec } from './args';
import type { Dataset } from '../src-engine/data/types';
import { listOptimizers } from '../src-engine/optim';
import { listInitializers } from '../src-engine/init';
import { describeRange } from '../src-engine/core/params';

// Names and ranges come from the registries, so the help lists what validation accepts.
const lrSpec = listOptimizers()[0].params.find((p) => p.name === 'lr')!;

export const trainingFlags: FlagSpec[] = [
  { name: 'dataset', kind: 'string', help: 'dataset id (see `datasets`) or a .csv / IDX path' },
  { name: 'target', kind: 'string', help: 'target column of a CSV dataset' },
  { name: 'missing', kind: 'string', help: 'rows with missing values in a CSV: refuse (default) or drop' },
  { name: 'epochs', kind: 'int', help: 'number of passes over the training data' },
  { name: 'batch-size', kind: 'int', help: 'samples per step' },
  { name: 'optimizer', kind: 'string', help: listOptimizers().map((o) => o.name).join(', ') },
  { name: 'lr', kind: 'number', help: `learning rate (${describeRange(lrSpec)})` },
  { name: 'init', kind: 'string', help: `default weight initializer: ${listInitializers().map((i) => i.name).join(', ')}` },
  { name: 'seed', kind: 'int', help: 'seed for weights, shuffling and dropout' },
  { name: 'val-split', kind: 'number', help: 'fraction of samples held out for validation' },
];

type Json = Record<string, unknown>;

/** Flags override the file's training section (before validation, so bad values are reported like the file's). */
export function applyOverrides(doc: unknown, flags: Record<string, string | number | boolean>): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  const graph = { ...(doc as Json) };
  const training: Json = typeof graph.training === 'object' && graph.training !== null ? { ...(graph.training as Json) } : {};
  const optimizer: Json = typeof training.optimizer === 'object' && training.optimizer !== null ? { ...(training.optimizer as Json) } : {};
  const datasetOptions: Json = typeof training.datasetOptions === 'object' && training.datasetOptions !== null ? { ...(training.datasetOptions as Json) } : {};
  if (flags.dataset !== undefined) training.dataset = flags.dataset;
  if (flags.target !== undefined) datasetOptions.target = flags.target;
  if (flags.missing !== undefined) datasetOptions.missing = flags.missing;
  if (flags.epochs !== undefined) training.epochs = flags.epochs;
  if (flags['batch-size'] !== undefined) training.batchSize = flags['batch-size'];
  if (flags.optimizer !== undefined) optimizer.name = flags.optimizer;
  if (flags.lr !== undefined) optimizer.lr = flags.lr;
  if (flags.init !== undefined) training.initializer = flags.init;
  if (flags.seed !== undefined) training.seed = flags.seed;
  if (flags['val-split'] !== undefined) training.validationSplit = flags['val-split'];
  training.optimizer = optimizer;
  if (Object.keys(datasetOptions).length) training.datasetOptions = datasetOptions;
  graph.training = training;
  return graph;
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
    });
    if (droppedRows > 0) {
      const where = Object.entries(missingByColumn ?? {}).filter(([, n]) => n > 0).map(([c, n]) => `${c}: ${n}`).join(', ');
      process.stderr.write(`note: dropped ${droppedRows} row${droppedRows === 1 ? '' : 's'} with missing values${where ? ` (${where})` : ''}
`);
    }
    return dataset;
  } catch (e) {
    if (e instanceof DatasetError) throw new CliError(`dataset "${t.dataset}": ${e.message}`);
    throw e;
  }
}
