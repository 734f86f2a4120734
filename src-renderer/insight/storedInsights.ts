// A finished run's stored insight events, and the view of them at a chosen epoch: the latest
// histograms and boundary recorded at or before it (a boundary may be missing from some epochs).
import { useEffect, useState } from 'react';
import type { InsightEvent } from '../../src-shared/engineEvents';
import { api, errorText } from '../app/api';
import type { RunInsights } from './insightStore';

export interface StoredInsights {
  runId: string | null;
  events: InsightEvent[];
  loaded: boolean;
  error?: string;
}

/** Loads once per run, and again when the run stops being live (its last epochs are then stored). */
export function useStoredInsights(runId: string | null, live: boolean): StoredInsights {
  const [state, setState] = useState<StoredInsights>({ runId: null, events: [], loaded: false });
  useEffect(() => {
    if (!runId || live) return;
    let current = true;
    setState({ runId, events: [], loaded: false });
    api()
      .inspect.insights(runId)
      .then(
        (events) => current && setState({ runId, events, loaded: true }),
        (e) => current && setState({ runId, events: [], loaded: true, error: errorText(e) }),
      );
    return () => {
      current = false;
    };
  }, [runId, live]);
  return state.runId === runId ? state : { runId, events: [], loaded: false };
}

export function insightAt(events: readonly InsightEvent[], epoch: number): RunInsights | undefined {
  let view: RunInsights | undefined;
  for (const e of events) {
    if (e.epoch > epoch) break;
    view = {
      epoch: e.epoch,
      histograms: e.histograms ?? view?.histograms,
      boundary: e.boundary ?? view?.boundary,
      boundaryEpoch: e.boundary ? e.epoch : view?.boundaryEpoch,
    };
  }
  return view;
}
