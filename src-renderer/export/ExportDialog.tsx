// Export a run's trained model: choose the run (the one open, else the latest that finished), its
// best or final weights, and a format. Opened from the run view's Export button and File › Export….
import { useState } from 'react';
import type { ModelExportOptions } from '../../src-shared/api';
import { errorText } from '../app/api';
import { Modal } from '../ui/Modal';
import { useRunStore } from '../runs/runStore';
import { EXPORT_FORMATS, exportRun } from './exportActions';
import { VerifyOnnx } from './VerifyOnnx';

type State =
  { kind: 'idle' } | { kind: 'busy'; format: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** Runs that have weights to export: finished ones (a stopped or diverged run kept its best epoch). */
const EXPORTABLE = new Set(['completed', 'stopped', 'diverged', 'interrupted']);

export function ExportDialog({ runId, onClose }: { runId?: string; onClose(): void }) {
  const runs = useRunStore((s) => s.runs);
  const choices = runs.filter((r) => EXPORTABLE.has(r.status) || r.id === runId);
  const [chosen, setChosen] = useState(runId ?? choices[0]?.id ?? '');
  const [checkpoint, setCheckpoint] = useState<ModelExportOptions['checkpoint']>('best');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const start = async (format: ModelExportOptions['format']) => {
    setState({ kind: 'busy', format });
    try {
      const text = await exportRun(chosen, { checkpoint, format });
      setState(text ? { kind: 'done', text } : { kind: 'idle' });
    } catch (e) {
      setState({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <Modal
      title="Export the model"
      wide
      onClose={onClose}
      testId="export-dialog"
      footer={
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      {choices.length === 0 ? (
        <p className="muted">No finished run yet: train the network first, then export its weights.</p>
      ) : (
        <>
          <div className="field export-choices">
            <label htmlFor="export-run">Run</label>
            <select id="export-run" value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="export-run">
              {choices.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.status})
                </option>
              ))}
            </select>
            <span id="export-weights-label" className="field-label">
              Weights
            </span>
            <div className="segmented" role="group" aria-labelledby="export-weights-label">
              {(['best', 'final'] as const).map((c) => (
                <button
                  key={c}
                  type="button"
                  aria-pressed={checkpoint === c}
                  onClick={() => setCheckpoint(c)}
                  data-testid={`export-checkpoint-${c}`}
                >
                  {c === 'best' ? 'best epoch (lowest validation loss)' : 'final epoch'}
                </button>
              ))}
            </div>
          </div>
          <ul className="export-formats">
            {EXPORT_FORMATS.map((f) => (
              <li key={f.format}>
                <button
                  type="button"
                  className="button"
                  disabled={state.kind === 'busy' || !chosen}
                  onClick={() => void start(f.format)}
                  data-testid={`export-${f.format}`}
                >
                  {state.kind === 'busy' && state.format === f.format ? 'Exporting…' : f.label}
                </button>
                <span className="field-help">{f.detail}</span>
              </li>
            ))}
          </ul>
          <p className="export-status" role="status" data-testid="export-status">
            {state.kind === 'done' && state.text}
          </p>
          {state.kind === 'error' && (
            <p className="field-error" data-testid="export-error">
              The export could not be made: {state.text}
            </p>
          )}
          <VerifyOnnx key={`${chosen}-${checkpoint}`} runId={chosen} checkpoint={checkpoint} />
        </>
      )}
    </Modal>
  );
}
