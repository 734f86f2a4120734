// Names sampled at the end of each epoch, per run: from the live insight events (fed by the run-update
// subscription in runs/trainActions.ts) and from a run's stored insights when it is opened later.
import { create } from 'zustand';
import type { InsightEvent } from '../../src-shared/engineEvents';
import type { RunUpdate } from '../../src-shared/api';
import { api } from '../app/api';

export interface EpochSample {
  epoch: number;
  samples: string[];
}

interface EpochSampleState {
  byRun: Record<string, EpochSample[]>;
  apply(updates: readonly RunUpdate[]): void;
  /** Adds a run's stored insight events (those with samples). */
  addStored(runId: string, events: readonly InsightEvent[]): void;
}

/** One entry per epoch (a later copy of an epoch replaces the earlier), oldest first. */
export function mergeEpochSamples(
  before: readonly EpochSample[],
  events: readonly Pick<InsightEvent, 'epoch' | 'samples'>[],
): EpochSample[] {
  const byEpoch = new Map(before.map((e) => [e.epoch, e]));
  for (const e of events) if (e.samples) byEpoch.set(e.epoch, { epoch: e.epoch, samples: [...e.samples] });
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}

export const useEpochSamples = create<EpochSampleState>()((set, get) => ({
  byRun: {},
  apply(updates) {
    const fresh = new Map<string, InsightEvent[]>();
    for (const u of updates) {
      if (u.kind !== 'engine' || u.event.event !== 'insight' || !u.event.samples) continue;
      fresh.set(u.runId, [...(fresh.get(u.runId) ?? []), u.event]);
    }
    if (fresh.size === 0) return;
    const byRun = { ...get().byRun };
    for (const [runId, events] of fresh) byRun[runId] = mergeEpochSamples(byRun[runId] ?? [], events);
    set({ byRun });
  },
  addStored(runId, events) {
    if (!events.some((e) => e.samples)) return;
    set({ byRun: { ...get().byRun, [runId]: mergeEpochSamples(get().byRun[runId] ?? [], events) } });
  },
}));

/** The run's stored insights, when the back end offers them (older back ends do not). */
export async function loadStoredSamples(runId: string): Promise<void> {
  const inspect = (api() as { inspect?: { insights?: (id: string) => Promise<InsightEvent[]> } }).inspect;
  if (!inspect?.insights) return;
  useEpochSamples.getState().addStored(runId, await inspect.insights(runId));
}
