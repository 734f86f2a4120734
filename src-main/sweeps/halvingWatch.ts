// Successive halving for a running sweep: watches its runs' epoch events as the engines send them
// and stops a run the rule rules out, with the reason recorded on the run. Trials never wait for
// one another, so it works whatever the run manager's concurrency.
import type { EngineEvent } from '../../src-shared/engineEvents';
import { lowerIsBetter, type SearchMetric, type HalvingSpec } from '../../src-shared/searchSpec';
import { SuccessiveHalving } from '../../src-engine/search';

const METRIC_WORDS: Record<SearchMetric, string> = {
  valLoss: 'validation loss',
  valAcc: 'validation accuracy',
  valR2: 'validation R²',
};

export interface HalvingWatchDeps {
  /** Engine events as they arrive (RunManager.watchEvents): a stop must reach the engine before it trains on. */
  watch(listener: (runId: string, event: EngineEvent) => void): () => void;
  stop(runId: string, reason: string): void;
}

export function watchHalving(
  deps: HalvingWatchDeps,
  runIds: string[],
  spec: HalvingSpec,
  maxEpochs: number,
  metric: SearchMetric,
): void {
  const rule = new SuccessiveHalving(spec, maxEpochs, lowerIsBetter(metric));
  const open = new Set(runIds);
  const share = spec.reduction === 2 ? 'half' : `1/${spec.reduction}`;
  const unwatch = deps.watch((runId, event) => {
    if (!open.has(runId)) return;
    if (event.event === 'done') open.delete(runId);
    if (event.event === 'epoch') {
      const value = event[metric];
      if (rule.report(runId, event.epoch, value) === 'stop') {
        open.delete(runId);
        const shown = value === undefined || !Number.isFinite(value) ? 'no number' : value.toPrecision(4);
        try {
          deps.stop(
            runId,
            `stopped early by successive halving: ${METRIC_WORDS[metric]} ${shown} at epoch ${event.epoch} was not in the best ${share} of the trials that reached that epoch`,
          );
        } catch {
          // The run ended meanwhile; nothing to stop.
        }
      }
    }
    if (open.size === 0) unwatch();
  });
}
