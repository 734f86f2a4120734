// Successive halving for a running sweep: watches its runs' epoch events (after they are stored)
// and stops a run the rule rules out, with the reason recorded on the run. Trials never wait for
// one another, so it works whatever the run manager's concurrency.
import type { RunStatus, RunUpdate } from '../../src-shared/api';
import { lowerIsBetter, type SearchMetric, type HalvingSpec } from '../../src-shared/searchSpec';
import { SuccessiveHalving } from '../../src-engine/search';

const FINAL: ReadonlySet<RunStatus> = new Set(['completed', 'stopped', 'diverged', 'failed', 'interrupted']);

const METRIC_WORDS: Record<SearchMetric, string> = { valLoss: 'validation loss', valAcc: 'validation accuracy', valR2: 'validation R²' };

export interface HalvingWatchDeps {
  subscribe(listener: (updates: RunUpdate[]) => void): () => void;
  stop(runId: string, reason: string): void;
}

export function watchHalving(deps: HalvingWatchDeps, runIds: string[], spec: HalvingSpec, maxEpochs: number, metric: SearchMetric): void {
  const rule = new SuccessiveHalving(spec, maxEpochs, lowerIsBetter(metric));
  const open = new Set(runIds);
  const share = spec.reduction === 2 ? 'half' : `1/${spec.reduction}`;
  const unsubscribe = deps.subscribe((updates) => {
    for (const u of updates) {
      if (!open.has(u.runId)) continue;
      if (u.kind === 'status' && FINAL.has(u.status)) open.delete(u.runId);
      if (u.kind !== 'engine' || u.event.event !== 'epoch') continue;
      const value = u.event[metric];
      if (rule.report(u.runId, u.event.epoch, value) === 'stop') {
        open.delete(u.runId);
        const shown = value === undefined || !Number.isFinite(value) ? 'no number' : value.toPrecision(4);
        try {
          deps.stop(u.runId, `stopped early by successive halving: ${METRIC_WORDS[metric]} ${shown} at epoch ${u.event.epoch} was not in the best ${share} of the trials that reached that epoch`);
        } catch {
          // The run ended meanwhile; nothing to stop.
        }
      }
    }
    if (open.size === 0) unsubscribe();
  });
}
