// The latest looks inside each live run (decision boundary, histograms), kept from the insight
// events the back end forwards. The back end also stores them, so a finished or reopened run's
// insights come from inspect.insights (see storedInsights.ts), not from this store.
import { create } from 'zustand';
import { useRunStore } from '../runs/runStore';
import type { InsightEvent, NetworkInsight } from '../../src-shared/engineEvents';
import type { InsightRequest, RunUpdate } from '../../src-shared/api';
import { frameBatcher } from '../runs/frameBatch';

export interface RunInsights {
  epoch: number;
  boundary?: NonNullable<InsightEvent['boundary']>;
  boundaryEpoch?: number;
  histograms?: NonNullable<InsightEvent['histograms']>;
  /** What the editor draws inside the nodes (live runs only). */
  network?: NetworkInsight;
}

interface InsightState {
  byRun: Record<string, RunInsights>;
  apply(updates: readonly RunUpdate[]): void;
}

export const useInsightStore = create<InsightState>()((set, get) => ({
  byRun: {},
  apply(updates) {
    let byRun: Record<string, RunInsights> | null = null;
    for (const u of updates) {
      if (u.kind !== 'engine' || u.event.event !== 'insight') continue;
      byRun ??= { ...get().byRun };
      const e = u.event;
      const before = byRun[u.runId];
      byRun[u.runId] = {
        epoch: e.epoch,
        boundary: e.boundary ?? before?.boundary,
        boundaryEpoch: e.boundary ? e.epoch : before?.boundaryEpoch,
        histograms: e.histograms ?? before?.histograms,
        network: e.network ?? before?.network,
      };
    }
    if (byRun) set({ byRun });
  },
}));

/** What to ask of a run started in the editor: histograms and the network's insides always, the boundary when the input is a 2-D point. */
export function insightsFor(inputShape: readonly number[] | undefined): InsightRequest {
  return { histograms: true, network: true, ...(inputShape?.length === 1 && inputShape[0] === 2 ? { boundary: true } : {}) };
}

/** The active run's network insight, for the editor's nodes and edges. */
export function useLiveNetwork<T>(pick: (network: NetworkInsight) => T | undefined): T | undefined {
  const id = useRunStore((s) => s.activeRunId);
  return useInsightStore((s) => {
    const network = id ? s.byRun[id]?.network : undefined;
    return network ? pick(network) : undefined;
  });
}

/** Applies the insight events among the back end's pushes, in the frame the run updates are applied in (frameBatch.ts). */
export function subscribeToInsights(onRunUpdate: (listener: (u: RunUpdate) => void) => () => void): () => void {
  const push = frameBatcher<RunUpdate>((batch) => useInsightStore.getState().apply(batch));
  return onRunUpdate((update) => {
    if (update.kind === 'engine' && update.event.event === 'insight') push(update);
  });
}
