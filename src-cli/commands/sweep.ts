// `sweep <graph.json> --param …`: a hyperparameter search (random or grid, optionally with
// successive halving) whose trials train concurrently through the app's run manager.
import { writeFileSync } from 'node:fs';
import { parseArgs, type FlagSpec } from '../args';
import { CliError } from '../errors';
import { readJsonFile } from '../graphFile';
import { applyOverrides, parseGraphOrThrow, trainingFlags } from '../runConfig';
import { parseSearchParams, ParamTextError, planSearch, SearchSpaceError, type PlannedTrial } from '../../src-engine/search';
import { searchSpecSchema, MAX_SEARCH_TRIALS, type SearchMetric, type SearchSpec } from '../../src-shared/searchSpec';
import { catalogueDatasetInfo } from '../../src-engine/graph/catalogueDatasetInfo';
import { MAX_CONCURRENCY } from '../../src-main/engine/runManager';
import { runSweep } from '../sweepHost';
import { sweepPrinter, trialResult, bestTrial } from '../sweepOutput';

export const sweepFlags: FlagSpec[] = [
  {
    name: 'param',
    kind: 'string',
    repeat: true,
    value: 'NAME=SPEC',
    help: 'a searched setting: lr=1e-4..1e-1:log, batchSize=16,32,64, hidden.units=8..128:int, drop.rate=0..0.5, schedule=constant,cosine, hidden.repeat=1..3:int (repeat the flag for more)',
  },
  { name: 'trials', kind: 'int', default: '10', help: `random search: trials to draw (at most ${MAX_SEARCH_TRIALS})` },
  { name: 'grid', kind: 'bool', help: 'grid search: every combination of the listed values (no ranges)' },
  {
    name: 'seed',
    kind: 'int',
    default: '0',
    help: "seed of the sampler (the trials keep the graph's training seed; search it with --param seed=1,2,3)",
  },
  { name: 'concurrency', kind: 'int', default: '2', help: `trials training at once, sharing the cores (1–${MAX_CONCURRENCY})` },
  {
    name: 'halving',
    kind: 'string',
    value: 'MIN[:ETA]',
    help: 'successive halving: stop trials outside the best 1/ETA (default 3) at MIN, MIN·ETA, … epochs',
  },
  {
    name: 'metric',
    kind: 'string',
    value: 'NAME',
    default: 'valLoss',
    help: 'what "best" means: valLoss (lower), valAcc or valR2 (higher)',
  },
  {
    name: 'save-best',
    kind: 'string',
    value: 'FILE',
    help: "write the best trial's graph to FILE (opens in the app as a project)",
  },
  { name: 'db', kind: 'string', value: 'PATH', help: "record the sweep in this run store (e.g. the app's) instead of memory" },
  {
    name: 'engine',
    kind: 'string',
    value: 'thread|child',
    default: 'thread',
    help: 'where trials train: worker threads or child processes',
  },
  { name: 'json', kind: 'bool', help: 'one JSON object per trial, then {"event":"sweep","best":…,"trials":[…]}' },
];

/** Training flags minus --seed, which here seeds the sampler. */
export const sweepCommandFlags = (): FlagSpec[] => [...trainingFlags().filter((f) => f.name !== 'seed'), ...sweepFlags];

export async function sweepCommand(argv: string[]): Promise<number> {
  const { positional, flags, lists } = parseArgs(argv, sweepCommandFlags());
  const path = positional[0];
  if (!path) throw new CliError('sweep needs a graph file: npm run cli -- sweep <graph.json> --param lr=1e-4..1e-1:log');
  if (positional.length > 1) throw new CliError(`unexpected argument "${positional[1]}"`);
  if (!lists.param?.length) throw new CliError('sweep needs at least one --param NAME=SPEC, like --param lr=1e-4..1e-1:log');
  const base = parseGraphOrThrow(applyOverrides(readJsonFile(path), flags), path);
  const spec = searchSpec(base, flags, lists.param);
  let trials: PlannedTrial[];
  try {
    trials = planSearch(base, spec, catalogueDatasetInfo(base.training.dataset, base.training.datasetOptions?.features));
  } catch (e) {
    if (e instanceof SearchSpaceError) throw new CliError(e.message);
    throw e;
  }
  const concurrency = (flags.concurrency as number | undefined) ?? 2;
  if (concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new CliError(`option --concurrency must be from 1 to ${MAX_CONCURRENCY}, got ${concurrency}`);
  const engine = flags.engine ?? 'thread';
  if (engine !== 'thread' && engine !== 'child')
    throw new CliError(`option --engine must be thread or child, got "${String(engine)}"`);

  const json = flags.json === true;
  const metric = spec.metric ?? 'valLoss';
  const print = sweepPrinter(process.stdout, json, spec, trials, concurrency);
  const { runs } = await runSweep(
    base,
    spec,
    {
      dbPath: (flags.db as string | undefined) ?? ':memory:',
      engine,
      concurrency,
      name: base.name ? `Search of ${base.name}` : undefined,
    },
    (i, run) => print.trial(trials[i - 1], run),
  );
  const results = runs.map((run, i) => trialResult(trials[i], run, spec));
  const best = bestTrial(results, metric);
  print.done(results, best);
  if (best && flags['save-best'])
    writeFileSync(flags['save-best'] as string, JSON.stringify(trials[best.trial - 1].graph, null, 2) + '\n');
  return best ? 0 : 1;
}

function searchSpec(
  base: ReturnType<typeof parseGraphOrThrow>,
  flags: Record<string, string | number | boolean>,
  texts: string[],
): SearchSpec {
  let params;
  try {
    params = parseSearchParams(texts, base);
  } catch (e) {
    if (e instanceof ParamTextError) throw new CliError(`--param ${e.message}`);
    throw e;
  }
  const grid = flags.grid === true;
  if (grid && flags.trials !== undefined) throw new CliError('--trials is for random search; a --grid runs every combination');
  const halving = flags.halving === undefined ? undefined : parseHalving(String(flags.halving));
  const raw = {
    method: grid ? 'grid' : 'random',
    params,
    ...(grid ? {} : { trials: (flags.trials as number | undefined) ?? 10 }),
    seed: (flags.seed as number | undefined) ?? 0,
    metric: (flags.metric as SearchMetric | undefined) ?? 'valLoss',
    ...(halving ? { halving } : {}),
  };
  const checked = searchSpecSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const flag =
      issue.path[0] === 'trials'
        ? '--trials'
        : issue.path[0] === 'metric'
          ? '--metric'
          : issue.path[0] === 'halving'
            ? '--halving'
            : '--param';
    throw new CliError(`${flag}: ${issue.message}`);
  }
  return checked.data;
}

function parseHalving(text: string): { minEpochs: number; reduction: number } {
  const m = /^(\d+)(?::(\d+))?$/.exec(text.trim());
  if (!m) throw new CliError(`--halving: write MIN or MIN:ETA in epochs, like 3 or 3:2, got "${text}"`);
  return { minEpochs: Number(m[1]), reduction: m[2] ? Number(m[2]) : 3 };
}
