// A sweep's runs from its plan: the classic grid, or a search spec drawn and checked by the
// engine's search module (so the CLI, the app and the service agree on every trial).
import { isSearchSpec, type SweepPlan } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { planSearch, SearchSpaceError } from '../../src-engine/search';
import type { DatasetInfo } from '../../src-engine/graph/validate';
import { catalogueEntry } from '../../src-engine/data/catalogue';
import { expandGrid, MAX_SWEEP_RUNS, sweepSize, type SweepVariant } from './expandGrid';
import { UserError } from '../services/userError';

/** Known-dataset facts for validation; files (CSV, IDX) are checked once loaded, in the engine. */
export function datasetInfoFor(id: string): DatasetInfo | undefined {
  const entry = catalogueEntry(id);
  return (
    entry && {
      task: entry.task,
      inputShape: entry.inputShape,
      targetShape: entry.targetShape,
      classCount: entry.classNames?.length,
      targetColumns: entry.targetColumns,
    }
  );
}

export function planSweep(base: GraphDoc, plan: SweepPlan): SweepVariant[] {
  if (!isSearchSpec(plan)) {
    const size = sweepSize(plan);
    if (size > MAX_SWEEP_RUNS) throw new UserError(`this sweep would make ${size} runs; the most is ${MAX_SWEEP_RUNS}`);
    return expandGrid(base, plan);
  }
  try {
    return planSearch(base, plan, datasetInfoFor(base.training.dataset)).map((t) => ({ graph: t.graph, label: t.label }));
  } catch (e) {
    if (e instanceof SearchSpaceError) throw new UserError(e.message);
    throw e;
  }
}
