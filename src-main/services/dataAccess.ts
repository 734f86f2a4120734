// Which files a dataset reference reads, and serve mode's rule for them: only files inside its
// data folders (the projects folder, where uploads go, and `--data DIR` roots). A path outside is
// refused before anything touches the disk, with the same words whether it exists or not.
// The desktop app has no such rule: its user picks any file in a native dialog.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { datasetRegistry, catalogueEntry } from '../../src-engine/data/catalogue';
import { parseDatasetRef } from '../../src-engine/data/sequences/options';
import { UserError } from './userError';
import type { ApiHandlers } from './dispatcher';
import type { Store } from '../store/store';
import { planSweep } from '../sweeps/planSweep';

export interface DataAccess {
  /** Folders data may be read from; nothing outside them is opened. */
  roots: string[];
}

/** Built-in corpora of the word2vec datasets: names, not files. */
const NAMED_CORPORA = new Set(['planted', 'moby-dick']);

/** The file paths a dataset reference would open ([] for built-in data). */
export function datasetFiles(ref: string): string[] {
  let parsed;
  try {
    parsed = parseDatasetRef(ref, (id) => catalogueEntry(id) !== undefined);
  } catch {
    return []; // a malformed option list is refused by the loader, which reads nothing
  }
  if (!catalogueEntry(parsed.id)) return [ref];
  const files: string[] = [];
  if (parsed.given.file) files.push(parsed.given.file);
  if (parsed.given.corpus && !NAMED_CORPORA.has(parsed.given.corpus)) files.push(parsed.given.corpus);
  return files;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The path with symlinks resolved, or null when it does not exist (then only the lexical check applies). */
function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Throws a UserError when `ref` would read a file outside the roots. */
export function assertDatasetAllowed(ref: string, access: DataAccess): void {
  const roots = access.roots.map((r) => resolve(r));
  for (const file of datasetFiles(ref)) {
    // A bare word is a misspelt catalogue id, not a file to look for in the server's working folder.
    if (!/[\\/]|\.[a-z0-9]+$/i.test(file))
      throw new UserError(`unknown dataset "${file}"; built-in datasets are: ${datasetRegistry.names().join(', ')}`);
    const path = resolve(file);
    // Lexically inside first: an outside path is never touched, so the answer cannot tell whether it exists.
    const lexical = roots.some((root) => inside(root, path));
    const real = lexical ? realOrNull(path) : null;
    const allowed = lexical && (real === null || roots.some((root) => inside(realOrNull(root) ?? root, real)));
    if (!allowed) {
      throw new UserError(
        `dataset "${file}": this server reads data only from its data folders (${roots.join(', ')}); upload the file from the Dataset panel or start the server with --data <folder>`,
      );
    }
  }
}

/**
 * Wraps every handler that reads a dataset named by the client (or by a stored run) with the check:
 * a graph given (runs, sweeps, gradient checks), a stored run's graph (evaluations, ensembles,
 * exports), or a dataset id (previews). Other methods read the store only, or built-in corpora.
 */
export function guardDataAccess(handlers: ApiHandlers, store: Store, access: DataAccess): void {
  const { runs, sweeps, inspect, datasets, models } = handlers;
  const check = (ref: string): void => assertDatasetAllowed(ref, access);
  // A run recorded by an earlier, unrestricted session may name any file: using its data reads it again.
  const checkRun = (runId: string): void => {
    const run = store.runs.detail(runId);
    if (run) check(run.graph.training.dataset);
  };
  const start = runs.start.bind(runs);
  runs.start = async (graph, options) => (check(graph.training.dataset), start(graph, options));
  const sweep = sweeps.start.bind(sweeps);
  sweeps.start = async (base, grid, options) => {
    check(base.training.dataset);
    // Every planned run, in case the plan varies more than the base graph shows.
    for (const v of planSweep(base, grid)) check(v.graph.training.dataset);
    return sweep(base, grid, options);
  };
  const variants = sweeps.startVariants.bind(sweeps);
  sweeps.startVariants = async (list, options) => {
    for (const v of list) check(v.graph.training.dataset);
    return variants(list, options);
  };
  const gradcheck = inspect.gradcheck.bind(inspect);
  inspect.gradcheck = async (graph, options) => (check(graph.training.dataset), gradcheck(graph, options));
  const evaluate = inspect.evaluate.bind(inspect);
  inspect.evaluate = async (runId, options) => (checkRun(runId), evaluate(runId, options));
  // An ensemble scores its members over the first run's split: every member's graph names data.
  const ensemble = inspect.ensemble.bind(inspect);
  inspect.ensemble = async (runIds, options) => {
    for (const id of runIds) checkRun(id);
    return ensemble(runIds, options);
  };
  // Exporting rebuilds the run's splits from its dataset, as evaluating does.
  const exportModel = models.export.bind(models);
  models.export = async (runId, options) => (checkRun(runId), exportModel(runId, options));
  const verification = models.verification.bind(models);
  models.verification = async (runId, options) => (checkRun(runId), verification(runId, options));
  const preview = datasets.preview.bind(datasets);
  datasets.preview = async (id, options) => (check(id), preview(id, options));
}
