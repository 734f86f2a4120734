// The gradient check screen: each parameter's largest disagreement between backprop and central
// differences for the current graph; anything above the tolerance points at a broken gradient.
import { useState } from 'react';
import type { ParamGradError } from '../../../src-engine/train/modelGradCheck';
import { IconButton } from '../../ui/IconButton';
import { useScreenStore } from '../../compare/screenStore';
import { api, errorText } from '../../app/api';
import { currentContent } from '../../store/graphStore';
import { toGraphDoc } from '../../store/document';
import { useDatasetStore } from '../../store/datasetStore';
import { asDatasetPreview } from '../../panels/previewTypes';
import { GRADCHECK_TOLERANCE, runGradCheck } from './gradCheckRun';
import '../../compare/compare.css';

type CheckState = { kind: 'idle' } | { kind: 'running' } | { kind: 'error'; text: string } | { kind: 'done'; rows: ParamGradError[] };

export function GradCheckView() {
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'running' });
    // Let the "Checking…" line paint before the synchronous work starts.
    await new Promise((r) => setTimeout(r, 30));
    try {
      const doc = toGraphDoc(currentContent());
      const dataset = useDatasetStore.getState().list.find((d) => d.id === doc.training.dataset);
      if (!dataset) throw new Error(`the dataset “${doc.training.dataset}” is not in the list`);
      const preview = asDatasetPreview((await api().datasets.preview(dataset.id)).preview);
      if (!preview) throw new Error('the dataset preview could not be read');
      const rows = runGradCheck(doc, dataset, preview);
      setState('error' in rows ? { kind: 'error', text: rows.error } : { kind: 'done', rows });
    } catch (e) {
      setState({ kind: 'error', text: errorText(e) });
    }
  };
  const failed = state.kind === 'done' ? state.rows.filter((r) => r.maxRelError > GRADCHECK_TOLERANCE) : [];
  return (
    <section className="compare-view" aria-label="Gradient check" data-testid="gradcheck-view">
      <div className="run-view-bar">
        <IconButton icon="back" label="Back to the editor" onClick={() => useScreenStore.getState().show(null)} testId="gradcheck-back" className="has-text">Editor</IconButton>
        <h2 className="run-view-title">Gradient check</h2>
        <span className="topbar-fill" />
        <button type="button" className="button primary" onClick={() => void run()} disabled={state.kind === 'running'} data-testid="gradcheck-run">Check the current graph</button>
      </div>
      <div className="compare-body">
        <p className="dialog-hint">Compares the gradients backpropagation computes with central finite differences (float64) on 4 samples of the dataset preview, for up to 24 entries of every parameter. Relative errors below {GRADCHECK_TOLERANCE} mean the layer’s backward pass agrees with its forward pass.</p>
        {state.kind === 'running' && <p className="panel-empty">Checking…</p>}
        {state.kind === 'error' && <p className="field-error">The check could not run: {state.text}</p>}
        {state.kind === 'done' && (
          <>
            <p data-testid="gradcheck-verdict" data-ok={failed.length === 0}>
              {failed.length === 0 ? `All ${state.rows.length} parameters agree.` : `${failed.length} of ${state.rows.length} parameters disagree: ${failed.map((f) => `${f.nodeId}.${f.param}`).join(', ')}.`}
            </p>
            <table className="compare-table" data-testid="gradcheck-table">
              <thead>
                <tr><th>Layer</th><th>Parameter</th><th>Max relative error</th><th>Max absolute error</th><th /></tr>
              </thead>
              <tbody>
                {state.rows.map((r) => (
                  <tr key={`${r.nodeId}.${r.param}`} data-testid="gradcheck-row">
                    <td>{r.nodeId}</td>
                    <td>{r.param}</td>
                    <td className="num">{r.maxRelError.toExponential(2)}</td>
                    <td className="num">{r.maxAbsError.toExponential(2)}</td>
                    <td>{r.maxRelError > GRADCHECK_TOLERANCE ? '✗' : '✓'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}
