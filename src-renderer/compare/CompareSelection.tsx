// In the run history: a tick box per run, the "Compare" button for the ticked runs, and sweep groups.
import { useEffect, useState } from 'react';
import { isSearchSpec, type SweepSummary } from '../../src-shared/api';
import { useSweepStore } from '../sweeps/sweepStore';
import { api } from '../app/api';
import { useRunStore } from '../runs/runStore';
import { countOf } from '../runs/format';
import { useScreenStore } from '../navigation/screenStore';

/** A past search's results in the sweep dialog. */
function openResults(s: SweepSummary): void {
  if (!isSearchSpec(s.grid)) return;
  const sweeps = useSweepStore.getState();
  sweeps.setOpen(true);
  sweeps.setStarted({ sweepId: s.id, name: s.name, runIds: s.runIds, search: s.grid });
}

export function CompareCheckbox({ runId, name }: { runId: string; name: string }) {
  const checked = useScreenStore((s) => s.selected.includes(runId));
  return (
    <input
      type="checkbox"
      className="run-select"
      checked={checked}
      onChange={() => useScreenStore.getState().toggle(runId)}
      aria-label={`Compare ${name}`}
      data-testid="run-select"
      data-run-id={runId}
    />
  );
}

export function CompareBar() {
  const selected = useScreenStore((s) => s.selected);
  const runCount = useRunStore((s) => s.runs.length);
  const [sweeps, setSweeps] = useState<SweepSummary[]>([]);
  // The sweep list changes only when runs do.
  useEffect(() => {
    api()
      .sweeps.list()
      .then(setSweeps, () => setSweeps([]));
  }, [runCount]);
  const store = useScreenStore.getState;
  return (
    <div className="compare-bar">
      {runCount > 1 && (
        <div className="compare-bar-row">
          <button
            type="button"
            className="button"
            disabled={selected.length < 1}
            onClick={() => void store().compare(selected)}
            data-testid="compare-selected"
          >
            Compare{selected.length ? ` ${selected.length}` : ''}
          </button>
          {selected.length > 0 && (
            <button type="button" className="link-button" onClick={() => store().clearSelection()}>
              clear
            </button>
          )}
        </div>
      )}
      {sweeps.length > 0 && (
        <ul className="sweep-groups" aria-label="Sweeps">
          {sweeps.map((s) => (
            <li key={s.id}>
              <span className="sweep-group-name" title={s.name}>
                {s.name}
              </span>{' '}
              <span className="sweep-group-count">{countOf(s.runIds.length, 'run')}</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void store().compare(s.runIds, `sweep “${s.name}”`)}
                data-testid="compare-sweep"
              >
                compare
              </button>
              {isSearchSpec(s.grid) && (
                <button type="button" className="link-button" onClick={() => openResults(s)} data-testid="search-results-open">
                  results
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
