// A sweep's runs from its plan: the classic grid, or a search spec drawn and checked by the
// engine's search module (so the CLI, the app and the service agree on every trial).
import { isSearchSpec, type SweepPlan } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { planSearch, SearchSpaceError } from '../../src-engine/search';
import { catalogueDatasetInfo } from '../../src-engine/graph/catalogueDatasetInfo';
import { expandGrid, MAX_SWEEP_RUNS, sweepSize, type SweepVariant } from './expandGrid';
import { UserError } from '../services/userError';

export function planSweep(base: GraphDoc, plan: SweepPlan): SweepVariant[] {
  if (!isSearchSpec(plan)) {
    const size = sweepSize(plan);
    if (size > MAX_SWEEP_RUNS) throw new UserError(`this sweep would make ${size} runs; the most is ${MAX_SWEEP_RUNS}`);
    return expandGrid(base, plan);
  }
  try {
    return planSearch(base, plan, catalogueDatasetInfo(base.training.dataset, base.training.datasetOptions?.features)).map(
      (t) => ({ graph: t.graph, label: t.label }),
    );
  } catch (e) {
    if (e instanceof SearchSpaceError) throw new UserError(e.message);
    throw e;
  }
}
