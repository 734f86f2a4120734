// From a base graph and a search spec to the trials' graphs, all checked before any trains: a
// bad path or value is refused with the setting and the trial that carries it.
import type { GraphDoc } from '../../src-shared/graphFormat';
import { MAX_SEARCH_TRIALS, type Assignment, type SearchSpec } from '../../src-shared/searchSpec';
import type { DatasetInfo } from '../graph/validate';
import { applyAssignment, checkTrial } from './applyTrial';
import { resolvePath, SearchPathError } from './paths';
import { halvingBudget } from './halving';
import { describeAssignment, sampleTrials, SearchSpaceError, trialCount } from './sample';

export interface PlannedTrial {
  /** 1-based, in the order the trials are queued. */
  index: number;
  assignment: Assignment;
  graph: GraphDoc;
  /** The trial's values in words, e.g. "lr 0.003162 · batchSize 32". */
  label: string;
}

export function planSearch(
  base: GraphDoc,
  given: SearchSpec,
  dataset?: DatasetInfo,
  maxTrials = MAX_SEARCH_TRIALS,
): PlannedTrial[] {
  // Short names (lr, batchSize) are accepted from any caller; trials carry canonical paths.
  let spec: SearchSpec;
  try {
    spec = { ...given, params: given.params.map((p) => ({ ...p, path: resolvePath(p.path, base) })) };
  } catch (e) {
    if (e instanceof SearchPathError) throw new SearchSpaceError(e.message);
    throw e;
  }
  const count = trialCount(spec);
  if (count > maxTrials) throw new SearchSpaceError(`this search would make ${count} trials; the most is ${maxTrials}`);
  const trials = sampleTrials(spec).map((assignment, i) => {
    const label = describeAssignment(assignment);
    let graph: GraphDoc;
    try {
      graph = applyAssignment(base, assignment);
    } catch (e) {
      if (e instanceof SearchPathError) throw new SearchSpaceError(`trial ${i + 1} (${label}): ${e.message}`);
      throw e;
    }
    const problem = checkTrial(graph, assignment, dataset);
    if (problem) throw new SearchSpaceError(`trial ${i + 1} (${label}) cannot train: ${problem}`);
    return { index: i + 1, assignment, graph, label };
  });
  // Checked against the trials' own epochs: a searched `epochs` replaces the base graph's.
  const budget = halvingBudget(trials);
  if (spec.halving && spec.halving.minEpochs >= budget) {
    throw new SearchSpaceError(
      `successive halving: the first rung (${spec.halving.minEpochs} epochs) must come before the last epoch (${budget})`,
    );
  }
  return trials;
}
