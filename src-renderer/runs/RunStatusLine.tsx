// One line on a run's state; diverged and failed runs say what happened in plain words.
import type { RunStatus } from '../../src-shared/api';
import { Icon } from '../ui/icons';

const EXPLAIN: Partial<Record<RunStatus, string>> = {
  diverged: 'The loss stopped being a number, so training stopped. A lower learning rate, gradient clipping or a different initializer usually helps.',
  failed: 'The engine could not finish this run.',
  interrupted: 'The app closed while this run was training.',
  stopped: 'Stopped before the last epoch; the charts show what it learned until then.',
};

/** After the engine's own words on a divergence, the other remedies. */
const DIVERGED_MORE = 'Gradient clipping or a different initializer can help too.';

export function RunStatusLine({ status, message, name }: { status: RunStatus; message?: string; name?: string }) {
  const bad = status === 'diverged' || status === 'failed' || status === 'interrupted';
  return (
    <div className={`run-status-line ${bad ? 'is-bad' : ''}`} data-testid="run-status-line">
      <StatusBadge status={status} />
      {name && <span className="run-status-name">{name}</span>}
      {(bad || status === 'stopped') && (
        <span className="run-status-message">
          {bad && <Icon name="warning" />} {message ? `${capitalize(message)}.` : ''} {message && status === 'diverged' ? DIVERGED_MORE : EXPLAIN[status]}
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
