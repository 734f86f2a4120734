// The search half of the sweep builder: settings in the CLI's written form, one per line, random
// or grid, and optional successive halving. The engine parses them against the current graph, so
// a misspelt node or setting is named before anything starts.
import { useMemo, useState } from 'react';
import { api, errorText } from '../app/api';
import { currentContent, useGraphStore } from '../document/graphStore';
import { toGraphDoc } from '../document/document';
import { currentCheck } from '../validation/useLiveCheck';
import { useRunStore } from '../runs/runStore';
import { useSweepStore } from './sweepStore';
import { defaultSearchLines, readSearchForm, type SearchFields } from './searchForm';
import type { SearchMetric } from '../../src-shared/searchSpec';

export function SearchBuilder() {
  const training = useGraphStore((s) => s.training);
  const graph = useMemo(() => toGraphDoc(currentContent()), []);
  const [f, setF] = useState<SearchFields>(() => ({
    lines: defaultSearchLines(graph),
    method: 'random',
    trials: '12',
    seed: '0',
    halving: false,
    minEpochs: String(Math.max(1, Math.floor(training.epochs / 9))),
    reduction: '3',
    metric: 'valLoss',
  }));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SearchFields>) => setF((prev) => ({ ...prev, ...patch }));
  const form = readSearchForm(f, graph);
  const start = async () => {
    if (!form.ok) return;
    const check = currentCheck();
    if (!check.ok) return setError('Fix the problems in the graph first (see the Problems tab).');
    setBusy(true);
    setError(null);
    try {
      const sweepName = name.trim() || `${training.dataset} search`;
      const res = await api().sweeps.start(toGraphDoc(currentContent()), form.spec, { name: sweepName });
      useSweepStore.getState().setStarted({ sweepId: res.sweepId, runIds: res.runIds, name: sweepName, search: form.spec });
      void useRunStore.getState().refresh();
    } catch (e) {
      setError(`The search could not start: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const count = form.ok ? form.count : 0;
  return (
    <div className="sweep-builder">
      <p className="dialog-hint">
        Each trial trains the current graph on <strong>{training.dataset}</strong> for {training.epochs} epochs with the values
        drawn for it.
      </p>
      <label className="field">
        Settings to search, one per line
        <textarea
          value={f.lines}
          onChange={(e) => set({ lines: e.target.value })}
          spellCheck={false}
          data-testid="search-lines"
        />
      </label>
      <p className="dialog-hint search-syntax">
        <code>lr=1e-4..1e-1:log</code> log-uniform · <code>drop.rate=0..0.5</code> uniform ·{' '}
        <code>&lt;node&gt;.units=8..128:int</code> whole numbers · <code>batchSize=16,32,64</code> a list ·{' '}
        <code>&lt;node&gt;.repeat=1..3:int</code> copies of a layer · also weightDecay, l1, l2, epochs, optimizer, schedule,
        scaling, &lt;node&gt;.activation
      </p>
      <div className="sweep-row">
        <label className="field">
          Method
          <select
            value={f.method}
            onChange={(e) => set({ method: e.target.value as SearchFields['method'] })}
            data-testid="search-method"
          >
            <option value="random">Random: draw trials from the ranges</option>
            <option value="grid">Grid: every combination of the lists</option>
          </select>
        </label>
        {f.method === 'random' && (
          <label className="field">
            Trials
            <input
              value={f.trials}
              onChange={(e) => set({ trials: e.target.value })}
              inputMode="numeric"
              data-testid="search-trials"
            />
          </label>
        )}
        <label className="field">
          Sampler seed
          <input value={f.seed} onChange={(e) => set({ seed: e.target.value })} inputMode="numeric" data-testid="search-seed" />
        </label>
        <label className="field">
          Best means
          <select value={f.metric} onChange={(e) => set({ metric: e.target.value as SearchMetric })} data-testid="search-metric">
            <option value="valLoss">lowest validation loss</option>
            <option value="valAcc">highest validation accuracy</option>
            <option value="valR2">highest validation R²</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>
          <label className="check">
            <input
              type="checkbox"
              checked={f.halving}
              onChange={(e) => set({ halving: e.target.checked })}
              data-testid="search-halving"
            />{' '}
            Successive halving: stop weak trials early
          </label>
        </legend>
        {f.halving && (
          <div className="sweep-row">
            <label className="field">
              First check after (epochs)
              <input
                value={f.minEpochs}
                onChange={(e) => set({ minEpochs: e.target.value })}
                inputMode="numeric"
                data-testid="search-min-epochs"
              />
            </label>
            <label className="field">
              Keep 1 in
              <input
                value={f.reduction}
                onChange={(e) => set({ reduction: e.target.value })}
                inputMode="numeric"
                data-testid="search-reduction"
              />
            </label>
          </div>
        )}
        {!f.halving && (
          <span className="dialog-hint">
            At checks after N, N·η, N·η², … epochs, a trial outside the best 1/η of those that got there stops.
          </span>
        )}
      </fieldset>
      <label className="field">
        Name
        <input
          value={name}
          placeholder={`${training.dataset} search`}
          onChange={(e) => setName(e.target.value)}
          data-testid="sweep-name"
        />
      </label>
      {(!form.ok || error) && (
        <p className="field-error" role="alert" data-testid="search-error">
          {!form.ok ? form.error : error}
        </p>
      )}
      <div className="modal-footer">
        <span data-testid="sweep-count">
          {count} trial{count === 1 ? '' : 's'}
        </span>
        <span className="topbar-fill" />
        <button type="button" className="button" onClick={() => useSweepStore.getState().setOpen(false)}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!form.ok || busy}
          onClick={() => void start()}
          data-testid="search-start"
        >
          Start {count} trials
        </button>
      </div>
    </div>
  );
}
