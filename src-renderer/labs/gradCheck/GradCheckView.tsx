// The gradient check screen: the current graph checked in an engine process on a few real
// samples of its dataset, backprop against central differences in float64. Each layer's largest
// relative error is charted against the threshold; anything above it points at a broken gradient.
import { useEffect, useState } from 'react';
import type { GradCheckReport } from '../../../src-shared/api';
import { IconButton } from '../../ui/IconButton';
import { useScreenStore } from '../../navigation/screenStore';
import { ChartBox } from '../../compare/ChartBox';
import { api, errorText } from '../../app/api';
import { currentContent } from '../../document/graphStore';
import { toGraphDoc } from '../../document/document';
import { gradCheckOption } from './gradCheckChart';
import { gradCheckVerdict } from './verdict';
import '../../compare/compare.css';

type CheckState =
  | { kind: 'idle' }
  | { kind: 'running'; started: number }
  | { kind: 'error'; text: string }
  | { kind: 'done'; report: GradCheckReport };

const SAMPLES = 4;
const fmt = (v: number) => (Number.isNaN(v) ? 'NaN' : v.toExponential(2));

export function GradCheckView() {
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'running', started: Date.now() });
    try {
      const report = await api().inspect.gradcheck(toGraphDoc(currentContent()), { samples: SAMPLES });
      setState({ kind: 'done', report });
    } catch (e) {
      setState({ kind: 'error', text: errorText(e) });
    }
  };
  const report = state.kind === 'done' ? state.report : null;
  const verdict = report ? gradCheckVerdict(report) : null;
  return (
    <section className="compare-view" aria-label="Gradient check" data-testid="gradcheck-view">
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label="Back to the editor"
          onClick={() => useScreenStore.getState().show(null)}
          testId="gradcheck-back"
          className="has-text"
        >
          Editor
        </IconButton>
        <h2 className="run-view-title">Gradient check</h2>
        <span className="topbar-fill" />
        <button
          type="button"
          className="button primary"
          onClick={() => void run()}
          disabled={state.kind === 'running'}
          data-testid="gradcheck-run"
        >
          Check the current graph
        </button>
      </div>
      <div className="compare-body">
        <p className="dialog-hint">
          Compares the gradients backpropagation computes with central finite differences (float64) on {SAMPLES} training samples
          of the graph’s dataset, for up to 24 entries of every parameter, in an engine process. Relative errors below 1e-4 mean
          the layer’s backward pass agrees with its forward pass.
        </p>
        {state.kind === 'running' && <Progress started={state.started} />}
        {state.kind === 'error' && (
          <p className="field-error" data-testid="gradcheck-error">
            The check could not run: {state.text}
          </p>
        )}
        {report && (
          <>
            <p data-testid="gradcheck-verdict" data-ok={report.passed} data-conclusive={verdict!.conclusive}>
              {verdict!.text}
            </p>
            <ChartBox
              title="Largest relative error per layer (log scale)"
              testId="gradcheck-chart"
              height={260}
              points={report.layers.length}
              option={(theme) => gradCheckOption(theme, report)}
              deps={[report]}
            />
            <table className="compare-table" data-testid="gradcheck-table">
              <thead>
                <tr>
                  <th>Layer</th>
                  <th>Parameter</th>
                  <th>Max relative error</th>
                  <th>Max absolute error</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {report.params.map((r) => (
                  <tr key={`${r.nodeId}.${r.param}`} data-testid="gradcheck-row" data-passed={r.passed}>
                    <td>{r.nodeId}</td>
                    <td>{r.param}</td>
                    <td className="num">{fmt(r.maxRelError)}</td>
                    <td className="num">{fmt(r.maxAbsError)}</td>
                    <td>
                      {!r.passed ? (
                        '✗'
                      ) : r.maxGradient === 0 ? (
                        <span title="every gradient probed was exactly zero">0 only</span>
                      ) : (
                        '✓'
                      )}
                    </td>
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

/** The engine reports no steps; a moving bar and the seconds so far show it is working. */
function Progress({ started }: { started: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="panel-empty" data-testid="gradcheck-progress">
      <progress aria-label="Gradient check running" /> Checking in the engine… {((now - started) / 1000).toFixed(1)} s
    </p>
  );
}
