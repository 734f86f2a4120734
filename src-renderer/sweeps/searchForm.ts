// The search builder's fields turned into a search spec: one setting per line in the CLI's
// written form (lr=1e-4..1e-1:log), parsed and resolved against the graph by the engine.
import { largestEpochs, parseSearchParams, trialCount, ParamTextError } from '../../src-engine/index';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { MAX_SEARCH_TRIALS, type SearchMetric, type SearchSpec } from '../../src-shared/searchSpec';

export interface SearchFields {
  lines: string;
  method: 'random' | 'grid';
  trials: string;
  seed: string;
  halving: boolean;
  minEpochs: string;
  reduction: string;
  metric: SearchMetric;
}

export type SearchForm = { ok: true; spec: SearchSpec; count: number } | { ok: false; error: string };

/** A starting point: the learning rate, and the units of the first Dense layer when there is one. */
export function defaultSearchLines(graph: GraphDoc): string {
  // A hidden Dense layer: one whose output feeds another node (the last layer's units are fixed by the data).
  const dense = graph.nodes.find((n) => n.type === 'Dense' && graph.edges.some((e) => e.source === n.id));
  return ['lr=1e-4..1e-1:log', ...(dense ? [`${dense.id}.units=8..128:int`] : []), `batchSize=16,32,64`].join('\n');
}

function whole(text: string, field: string, min: number, max: number): number | string {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    return `${field} must be a whole number from ${min} to ${max}`;
  return n;
}

export function readSearchForm(f: SearchFields, graph: GraphDoc): SearchForm {
  const lines = f.lines
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (!lines.length) return { ok: false, error: 'Write at least one setting to search, like lr=1e-4..1e-1:log.' };
  let params;
  try {
    params = parseSearchParams(lines, graph);
  } catch (e) {
    if (e instanceof ParamTextError)
      return {
        ok: false,
        error: `Line ${lines.findIndex((l) => e.message.includes(`"${l.split('=')[0].trim()}`)) + 1 || '?'}: ${e.message}`,
      };
    throw e;
  }
  const trials = f.method === 'random' ? whole(f.trials, 'Trials', 1, MAX_SEARCH_TRIALS) : undefined;
  if (typeof trials === 'string') return { ok: false, error: trials };
  const seed = whole(f.seed, 'Sampler seed', 0, 2 ** 31 - 1);
  if (typeof seed === 'string') return { ok: false, error: seed };
  let halving: SearchSpec['halving'];
  if (f.halving) {
    // A searched epochs sets the budget: the rungs must come before the longest trial's end.
    const epochs = largestEpochs(params, graph.training.epochs);
    const minEpochs = whole(f.minEpochs, 'First rung', 1, Math.max(1, epochs - 1));
    if (typeof minEpochs === 'string')
      return { ok: false, error: `${minEpochs} (epochs, below the ${epochs} the longest trial trains)` };
    const reduction = whole(f.reduction, 'Keep 1 in', 2, 8);
    if (typeof reduction === 'string') return { ok: false, error: reduction };
    halving = { minEpochs, reduction };
  }
  if (f.method === 'grid') {
    const range = params.find((p) => p.dist.kind !== 'values');
    if (range)
      return { ok: false, error: `A grid needs lists of values; "${range.path}" is a range (or switch to random search).` };
  }
  const spec: SearchSpec = {
    method: f.method,
    params,
    ...(trials !== undefined ? { trials } : {}),
    seed,
    metric: f.metric,
    ...(halving ? { halving } : {}),
  };
  return { ok: true, spec, count: trialCount(spec) };
}
