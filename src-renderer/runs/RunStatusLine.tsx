// One line on a run's state; diverged and failed runs say what happened in plain words. With a
// run id it also names the backend the run trains on (and the adapter), and why it is not the
// one asked for.
import type { RunStatus, RunSummary } from '../../src-shared/api';
import { Icon } from '../ui/icons';
import { useRunStore } from './runStore';

const EXPLAIN: Partial<Record<RunStatus, string>> = {
  diverged:
    'The loss stopped being a number, so training stopped. A lower learning rate, gradient clipping or a different initializer usually helps.',
  failed: 'The engine could not finish this run.',
  interrupted: 'The app closed while this run was training.',
  stopped: 'Stopped before the last epoch; the charts show what it learned until then.',
};

/** After the engine's own words on a divergence, the other remedies. */
const DIVERGED_MORE = 'Gradient clipping or a different initializer can help too.';

export function RunStatusLine({
  status,
  message,
  name,
  runId,
}: {
  status: RunStatus;
  message?: string;
  name?: string;
  runId?: string;
}) {
  const bad = status === 'diverged' || status === 'failed' || status === 'interrupted';
  const backend = useRunStore((s) =>
    runId
      ? (backendOf(s.viewed?.runId === runId ? s.viewed.detail : undefined) ?? backendOf(s.runs.find((r) => r.id === runId)))
      : undefined,
  );
  return (
    <div className={`run-status-line ${bad ? 'is-bad' : ''}`} data-testid="run-status-line">
      <StatusBadge status={status} />
      {name && <span className="run-status-name">{name}</span>}
      {backend && (
        <span className="run-status-message" data-testid="run-backend" title={backend.adapter}>
          on {backendName(backend.backend)}
          {backend.adapter ? ` · ${backend.adapter}` : ''}
        </span>
      )}
      {backend?.notice && (
        <span className="run-status-message" style={{ color: 'var(--warn)' }} data-testid="run-backend-notice">
          <Icon name="warning" /> {backend.notice}
        </span>
      )}
      {(bad || status === 'stopped') && (
        <span className="run-status-message">
          {bad && <Icon name="warning" />} {message ? `${capitalize(message)}.` : ''}{' '}
          {message && status === 'diverged' ? DIVERGED_MORE : EXPLAIN[status]}
        </span>
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`status-badge status-${status}`} data-testid="status-badge">
      {status}
    </span>
  );
}

function capitalize(s: string): string {
  const t = s.replace(/\.$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

type BackendFacts = Pick<RunSummary, 'backend' | 'adapter'> & { notice?: string };

/** Stable for the store selector: the same run gives an equal string-keyed object only when it changed. */
const backendCache = new Map<string, BackendFacts>();

function backendOf(run: RunSummary | undefined): BackendFacts | undefined {
  if (!run) return undefined;
  const key = `${run.id}|${run.backend}|${run.adapter ?? ''}|${run.backendNotice ?? ''}`;
  let facts = backendCache.get(key);
  if (!facts) {
    facts = { backend: run.backend, adapter: run.adapter, notice: run.backendNotice };
    backendCache.set(key, facts);
  }
  return facts;
}

export function backendName(backend: string): string {
  return backend === 'webgpu' ? 'WebGPU' : backend === 'cpu' ? 'the CPU' : backend;
}
