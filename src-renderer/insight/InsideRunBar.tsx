// Which run the Inside screen shows (any run of the history), and, for a finished run, the epoch
// whose stored histograms and boundary are drawn.
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../src-shared/api';
import { api } from '../app/api';

interface Props {
  runId: string | null;
  /** Changes when a run starts or ends, so the list is read again. */
  listKey: string;
  onPick(runId: string): void;
  /** Stored epochs of a finished run; empty while it trains (the view follows it live). */
  epochs: readonly number[];
  epoch: number;
  onEpoch(epoch: number): void;
}

export function InsideRunBar({ runId, listKey, onPick, epochs, epoch, onEpoch }: Props) {
  const [runs, setRuns] = useState<RunSummary[]>([]);
  useEffect(() => {
    let live = true;
    api()
      .runs.list()
      .then(
        (list) => live && setRuns(list),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [listKey]);
  const index = Math.max(0, epochs.indexOf(epoch));
  return (
    <div className="inside-run-bar">
      <label>
        Run{' '}
        <select value={runId ?? ''} onChange={(e) => onPick(e.target.value)} data-testid="inside-run">
          {!runId && <option value="">(none yet)</option>}
          {runId && !runs.some((r) => r.id === runId) && <option value={runId}>current run</option>}
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} · {r.status}
            </option>
          ))}
        </select>
      </label>
      {epochs.length > 1 && (
        <label className="inside-epoch">
          Epoch
          <input
            type="range"
            min={0}
            max={epochs.length - 1}
            step={1}
            value={index}
            onChange={(e) => onEpoch(epochs[Number(e.target.value)]!)}
            data-testid="inside-epoch"
            aria-valuetext={`epoch ${epoch}`}
          />
          <span data-testid="inside-epoch-value">
            {epoch} / {epochs[epochs.length - 1]}
          </span>
        </label>
      )}
    </div>
  );
}
