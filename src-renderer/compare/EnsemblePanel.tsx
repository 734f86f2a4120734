// The compared runs as one ensemble: their predictions averaged over the first run's split
// (computed in an engine process), in a table beside each run and the best single run.
import { useState } from 'react';
import type { RunEnsemble } from '../../src-shared/api';
import { api } from '../app/api';
import type { ComparedRun } from './comparison';

const formatScore = (r: RunEnsemble, v: number) => (r.task === 'classification' ? `${(v * 100).toFixed(1)}%` : v.toFixed(3));
const formatGain = (r: RunEnsemble, d: number) =>
  `${d >= 0 ? '+' : '−'}${r.task === 'classification' ? `${(Math.abs(d) * 100).toFixed(1)} pts` : Math.abs(d).toFixed(3)}`;

export function EnsemblePanel({ runs }: { runs: readonly ComparedRun[] }) {
  const [checkpoint, setCheckpoint] = useState<'best' | 'final'>('best');
  const [split, setSplit] = useState<'validation' | 'test'>('validation');
  const [state, setState] = useState<{ busy: boolean; result?: RunEnsemble; error?: string }>({ busy: false });
  const ids = runs.slice(0, 8).map((r) => r.id);
  const run = () => {
    setState({ busy: true });
    api()
      .inspect.ensemble(ids, { checkpoint, split })
      .then(
        (result) => setState({ busy: false, result }),
        (e: unknown) => setState({ busy: false, error: e instanceof Error ? e.message : String(e) }),
      );
  };
  const r = state.result;
  const metric = r ? (r.task === 'classification' ? 'Accuracy' : 'R²') : '';
  return (
    <section className="ensemble-panel" aria-label="Ensemble" data-testid="ensemble-panel">
      <div className="ensemble-controls">
        <h3>Ensemble</h3>
        <span className="ensemble-help">
          averages the {ids.length} runs’ predicted probabilities (or outputs) sample by sample
        </span>
        <label>
          weights{' '}
          <select
            value={checkpoint}
            onChange={(e) => setCheckpoint(e.target.value as 'best' | 'final')}
            data-testid="ensemble-checkpoint"
          >
            <option value="best">best</option>
            <option value="final">final</option>
          </select>
        </label>
        <label>
          split{' '}
          <select value={split} onChange={(e) => setSplit(e.target.value as 'validation' | 'test')} data-testid="ensemble-split">
            <option value="validation">validation</option>
            <option value="test">test</option>
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={state.busy || ids.length < 2}
          onClick={run}
          data-testid="ensemble-run"
          title={ids.length < 2 ? 'Compare at least 2 runs' : undefined}
        >
          {state.busy ? 'Averaging…' : 'Ensemble'}
        </button>
      </div>
      {state.busy && <progress className="ensemble-progress" aria-label="Evaluating the ensemble" />}
      {state.error && (
        <p className="field-error" data-testid="ensemble-error">
          {state.error}
        </p>
      )}
      {r && (
        <table className="compare-table ensemble-table" data-testid="ensemble-table">
          <thead>
            <tr>
              <th>Model</th>
              <th className="num">
                {metric} ({r.split}, {r.count} samples, {r.checkpoint} weights)
              </th>
              <th />
            </tr>
          </thead>
          <tbody>
            {r.members.map((m, i) => (
              <tr key={r.runIds[i]} className={i === r.best ? 'is-best' : undefined}>
                <td>{r.names[i]}</td>
                <td className="num">{formatScore(r, m.score)}</td>
                <td className="ensemble-note">
                  {[i === r.best ? 'best single run' : '', m.sameSplit ? '' : 'different split: trained on some of these rows']
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
            <tr className="ensemble-row" data-testid="ensemble-result">
              <td>Ensemble (mean of {r.members.length})</td>
              <td className="num">{formatScore(r, r.ensemble)}</td>
              <td className="ensemble-note">{formatGain(r, r.ensemble - r.members[r.best].score)} vs the best single run</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
