// What the Sequences screen can show of each run in the history, from the run's graph (fetched once
// per run: a run's graph never changes) and its dataset's list item.
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { api } from '../app/api';
import { useDatasetStore } from '../datasets/datasetStore';
import { datasetItemFor, sequenceViews, type SequenceView } from './sequenceRuns';

/** Runs that never trained have nothing to show; their graphs are not fetched. */
const NOTHING_TO_SHOW = ['failed', 'diverged', 'interrupted'];
const graphs = new Map<string, GraphDoc | null>();

export function useSequenceViews(runs: readonly RunSummary[]): (run: RunSummary) => SequenceView[] | undefined {
  const list = useDatasetStore((s) => s.list);
  const [, setFetched] = useState(0);
  useEffect(() => {
    let live = true;
    const missing = runs.filter((r) => !graphs.has(r.id) && !NOTHING_TO_SHOW.includes(r.status));
    if (missing.length === 0) return;
    void Promise.all(
      missing.map((r) =>
        api()
          .runs.get(r.id)
          .then(
            (detail) => graphs.set(r.id, detail.graph),
            // A run deleted meanwhile, or one the back end cannot read: not offered.
            () => graphs.set(r.id, null),
          ),
      ),
    ).then(() => live && setFetched((n) => n + 1));
    return () => {
      live = false;
    };
  }, [runs]);
  return (run) => {
    const graph = graphs.get(run.id);
    if (graph === undefined) return undefined;
    return graph ? sequenceViews(graph, datasetItemFor(run.datasetId, list)) : [];
  };
}
