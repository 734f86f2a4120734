// Which epochs compute their details (boundary, unit maps, histograms). On a small model they
// cost more than the epoch itself, yet the page is sent at most one batch of updates per
// LIVE_UPDATE_INTERVAL_MS and draws only the newest of them: computing more would slow training
// for nothing. Every epoch still gets its details when it is one the store keeps (so a reopened
// run looks the same), the first and the last, and while the run is paused, stepped or slowed
// (a person is looking at each epoch then). Sampled texts are cheap and listed per epoch: always.
import { keepsDetail, LIVE_UPDATE_INTERVAL_MS } from '../../src-shared/insightCadence';
import type { InsightOptions } from './insights';

export type InsightPacer = (epoch: number, watched: boolean) => InsightOptions | undefined;

/** `epoch` is 1-based; `watched`: the run is paused, stepped or slowed down. */
export function insightPacer(
  options: InsightOptions | undefined,
  totalEpochs: number,
  clock: () => number,
  intervalMs = LIVE_UPDATE_INTERVAL_MS,
): InsightPacer {
  let lastAt = -Infinity;
  const cheap: InsightOptions | undefined = options?.samples ? { samples: options.samples } : undefined;
  return (epoch, watched) => {
    if (!options) return undefined;
    const now = clock();
    if (watched || keepsDetail(epoch, totalEpochs) || now - lastAt >= intervalMs) {
      lastAt = now;
      return options;
    }
    return cheap;
  };
}
