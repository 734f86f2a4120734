// The run history sidebar: every run with its status, dataset, optimizer, initializer and result.
import { useEffect } from 'react';
import type { RunSummary } from '../../src-shared/api';
import { useRunStore } from './runStore';
import { StatusBadge } from './RunStatusLine';
import { runMetricsText, timeAgo } from './format';
import { CompareBar, CompareCheckbox } from '../compare/CompareSelection';

export function RunHistory() {
  const runs = useRunStore((s) => s.runs);
  const error = useRunStore((s) => s.listError);
  const viewed = useRunStore((s) => s.viewed?.runId);
  const refresh = useRunStore((s) => s.refresh);
  useEffect(() => void refresh(), [refresh]);
  return (
    <div className="run-history" data-testid="run-history">
      {error && <p className="field-error">The run list could not load: {error}</p>}
      {!error && runs.length === 0 && (
        <p className="panel-empty">
          No runs yet. Build a network and press <strong>Train</strong>; every run is kept here with its graph and charts.
        </p>
      )}
      <CompareBar />
      <ul aria-label="Runs">
        {runs.map((r) => (
          <li key={r.id} className="run-row">
            <CompareCheckbox runId={r.id} name={r.name} />
            <RunItem run={r} current={r.id === viewed} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function RunItem({ run, current }: { run: RunSummary; current: boolean }) {
  const open = useRunStore((s) => s.open);
  const liveStatus = useRunStore((s) => s.live[run.id]?.status);
  const status = liveStatus ?? run.status;
  const metrics = runMetricsText(run);
  return (
    <button
      type="button"
      className={current ? 'run-item is-current' : 'run-item'}
      aria-current={current ? 'true' : undefined}
      onClick={() => void open(run.id)}
      data-testid="run-item"
      data-run-id={run.id}
    >
      <span className="run-item-top">
        <StatusBadge status={status} />
        <span className="run-item-time">{timeAgo(run.createdAt)}</span>
      </span>
      <span className="run-item-name">{run.name}</span>
      {run.notes && (
        <span className="run-item-notes" title={run.notes} data-testid="run-item-notes">
          {run.notes}
        </span>
      )}
      <span className="run-item-meta">
        {run.datasetId} · {run.optimizer} · {run.initializer}
      </span>
      {metrics && <span className="run-item-metrics">{metrics}</span>}
      {run.error && <span className="run-item-error">{run.error}</span>}
      {run.tags.length > 0 && (
        <span className="run-item-tags">
          {run.tags.map((t) => (
            <span key={t} className="chip static small">
              {t}
            </span>
          ))}
        </span>
      )}
    </button>
  );
}
