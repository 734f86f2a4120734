// The sweep builder: a grid of optimizers × initializers × learning rates × seeds, or a search
// over any settings (random or grid, optionally with successive halving). Starting queues the
// runs; the dialog then shows the group's progress (and a search's results) and a Compare button.
import { useState } from 'react';
import { Modal } from '../ui/Modal';
import { listInitializers, listOptimizers } from '../app/engine';
import { api, errorText } from '../app/api';
import { currentContent, useGraphStore } from '../document/graphStore';
import { toGraphDoc } from '../document/document';
import { currentCheck } from '../validation/useLiveCheck';
import { useRunStore, ACTIVE_STATUSES } from '../runs/runStore';
import { useScreenStore } from '../navigation/screenStore';
import { useSweepStore } from './sweepStore';
import { countOf } from '../runs/format';
import { gridSize, parseNumberList } from './sweepGrid';
import '../compare/compare.css';
import type { SweepGrid } from '../../src-shared/api';
import { SearchBuilder } from './SearchBuilder';
import { SearchResults } from './SearchResults';

export function SweepDialog() {
  const open = useSweepStore((s) => s.open);
  const started = useSweepStore((s) => s.started);
  if (!open) return null;
  const close = () => useSweepStore.getState().setOpen(false);
  return (
    <Modal title={started ? `Sweep “${started.name}”` : 'New sweep'} onClose={close} wide testId="sweep-dialog">
      {started ? <SweepProgress /> : <SweepModes />}
    </Modal>
  );
}

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function SweepModes() {
  const [mode, setMode] = useState<'grid' | 'search'>('grid');
  return (
    <>
      <div className="sweep-mode" role="tablist" aria-label="Kind of sweep">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'grid'}
          className={`button${mode === 'grid' ? ' primary' : ''}`}
          onClick={() => setMode('grid')}
          data-testid="sweep-mode-grid"
        >
          Optimizers × initializers
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'search'}
          className={`button${mode === 'search' ? ' primary' : ''}`}
          onClick={() => setMode('search')}
          data-testid="sweep-mode-search"
        >
          Search any setting
        </button>
      </div>
      {mode === 'grid' ? <SweepBuilder /> : <SearchBuilder />}
    </>
  );
}

function SweepBuilder() {
  const training = useGraphStore((s) => s.training);
  const [optimizers, setOptimizers] = useState<string[]>([training.optimizer.name]);
  const [initializers, setInitializers] = useState<string[]>([training.initializer ?? 'xavier_uniform']);
  const [rates, setRates] = useState(String(training.optimizer.lr));
  const [seeds, setSeeds] = useState(String(training.seed));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lr = parseNumberList(rates, 'Learning rates', { positive: true });
  const sd = parseNumberList(seeds, 'Seeds', { integer: true });
  const fieldError = !optimizers.length
    ? 'Tick at least one optimizer.'
    : !initializers.length
      ? 'Tick at least one initializer.'
      : !lr.ok
        ? lr.error
        : !sd.ok
          ? sd.error
          : null;
  const grid: SweepGrid = { optimizers, initializers, learningRates: lr.ok ? lr.values : [], seeds: sd.ok ? sd.values : [] };
  const count = fieldError ? 0 : gridSize(grid);
  const start = async () => {
    const check = currentCheck();
    if (!check.ok) return setError('Fix the problems in the graph first (see the Problems tab).');
    setBusy(true);
    setError(null);
    try {
      const sweepName = name.trim() || `${training.dataset} sweep`;
      const res = await api().sweeps.start(toGraphDoc(currentContent()), grid, { name: sweepName });
      useSweepStore.getState().setStarted({ sweepId: res.sweepId, runIds: res.runIds, name: sweepName });
      void useRunStore.getState().refresh();
    } catch (e) {
      setError(`The sweep could not start: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sweep-builder">
      <p className="dialog-hint">
        Every combination trains the current graph on <strong>{training.dataset}</strong> for {training.epochs} epochs.
      </p>
      <fieldset>
        <legend>Optimizers</legend>
        {listOptimizers().map((o) => (
          <label key={o.name} className="check" title={o.description}>
            <input
              type="checkbox"
              checked={optimizers.includes(o.name)}
              onChange={() => setOptimizers(toggle(optimizers, o.name))}
              data-testid={`sweep-opt-${o.name}`}
            />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Initializers</legend>
        {listInitializers().map((i) => (
          <label key={i.name} className="check" title={i.description}>
            <input
              type="checkbox"
              checked={initializers.includes(i.name)}
              onChange={() => setInitializers(toggle(initializers, i.name))}
              data-testid={`sweep-init-${i.name}`}
            />{' '}
            {i.label}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Learning rates (comma list)
        <input value={rates} onChange={(e) => setRates(e.target.value)} data-testid="sweep-lrs" />
      </label>
      <label className="field">
        Seeds (comma list)
        <input value={seeds} onChange={(e) => setSeeds(e.target.value)} data-testid="sweep-seeds" />
      </label>
      <label className="field">
        Name
        <input
          value={name}
          placeholder={`${training.dataset} sweep`}
          onChange={(e) => setName(e.target.value)}
          data-testid="sweep-name"
        />
      </label>
      {(fieldError ?? error) && (
        <p className="field-error" role="alert">
          {fieldError ?? error}
        </p>
      )}
      {count > 64 && (
        <p className="field-error" role="alert">
          {count} runs is too many: a sweep makes at most 64.
        </p>
      )}
      <div className="modal-footer">
        <span data-testid="sweep-count">{countOf(count, 'run')}</span>
        <span className="topbar-fill" />
        <button type="button" className="button" onClick={() => useSweepStore.getState().setOpen(false)}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!!fieldError || busy || count > 64}
          onClick={() => void start()}
          data-testid="sweep-start"
        >
          Start {countOf(count, 'run')}
        </button>
      </div>
    </div>
  );
}

function SweepProgress() {
  const started = useSweepStore((s) => s.started)!;
  const summaries = useRunStore((s) => s.runs);
  const live = useRunStore((s) => s.live);
  const rows = started.runIds.map((id) => {
    const summary = summaries.find((r) => r.id === id);
    const l = live[id];
    const status = l?.status ?? summary?.status ?? 'queued';
    const epoch = l?.progress.epoch ?? summary?.epochsDone ?? 0;
    const epochs = l?.progress.epochs || summary?.epochsTotal || 0;
    return { id, name: summary?.name ?? id.slice(0, 8), status, epoch, epochs };
  });
  const finished = rows.filter((r) => !ACTIVE_STATUSES.includes(r.status)).length;
  const compare = () => {
    useSweepStore.getState().setOpen(false);
    void useScreenStore.getState().compare(started.runIds, `sweep “${started.name}”`);
  };
  return (
    <div className="sweep-progress" data-testid="sweep-progress">
      <p data-testid="sweep-finished" data-finished={finished} data-total={rows.length}>
        {finished} of {rows.length} runs finished
      </p>
      <progress max={rows.length} value={finished} />
      {started.search && <SearchResults spec={started.search} runIds={started.runIds} />}
      <ul className="sweep-runs">
        {rows.map((r) => (
          <li key={r.id} data-status={r.status}>
            <span className="sweep-run-name">{r.name}</span> <span className="sweep-run-status">{r.status}</span>
            {r.epochs > 0 && (
              <span className="sweep-run-epoch">
                {' '}
                · epoch {r.epoch}/{r.epochs}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="modal-footer">
        <span className="topbar-fill" />
        <button type="button" className="button" onClick={() => useSweepStore.getState().setOpen(false)}>
          Close
        </button>
        <button type="button" className="button primary" onClick={compare} data-testid="sweep-compare">
          Compare
        </button>
      </div>
    </div>
  );
}
