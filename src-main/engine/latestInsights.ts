// A batch forwarded to the UI carries only each run's newest look inside the network: the page
// draws the latest boundary, histograms and unit maps, and at 20+ epochs a second the older ones
// would only cost parsing (about 70 kB each). Older insight events keep their epoch and any
// sampled texts (the Sequences screen lists every epoch's). The store has recorded them all.
import type { RunUpdate } from '../../src-shared/api';

export function latestInsightsOnly(batch: readonly RunUpdate[]): RunUpdate[] {
  const newest = new Map<string, number>();
  batch.forEach((u, i) => {
    if (u.kind === 'engine' && u.event.event === 'insight') newest.set(u.runId, i);
  });
  return batch.map((u, i) => {
    if (u.kind !== 'engine' || u.event.event !== 'insight' || newest.get(u.runId) === i) return u;
    const { samples, epoch } = u.event;
    return { ...u, event: { event: 'insight', epoch, ...(samples ? { samples } : {}) } };
  });
}
