// A finished run evaluated over a whole split on the back end: the split and weights to use,
// the confusion matrix, per-class precision/recall/F1 and the misclassified samples; for
// regression, the loss, R² and a residual summary.
import { useState } from 'react';
import type { EvaluateOptions, SplitEvaluation } from '../../src-shared/api';
import { ChartBox } from '../compare/ChartBox';
import { useSplitEvaluation } from './useSplitEvaluation';
import { confusionOption } from './evaluationCharts';
import { MisclassifiedGrid } from './MisclassifiedGrid';
import './inside.css';

interface Props {
  runId: string;
  /** False while the run still trains: its best and final weights do not exist yet. */
  finished: boolean;
  hasTestSplit: boolean;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function EvaluationPanel({ runId, finished, hasTestSplit }: Props) {
  const [options, setOptions] = useState<EvaluateOptions>({ checkpoint: 'best', split: 'validation' });
  const state = useSplitEvaluation(runId, options, finished);
  return (
    <section className="chart-box eval-panel" data-testid="evaluation" data-state={state.kind}>
      <div className="eval-bar">
        <h3 className="chart-box-title">Evaluation over a whole split</h3>
        <label className="eval-choice">
          Split{' '}
          <select
            value={options.split}
            onChange={(e) => setOptions({ ...options, split: e.target.value as EvaluateOptions['split'] })}
            data-testid="eval-split"
          >
            <option value="validation">validation</option>
            <option value="test" disabled={!hasTestSplit}>
              test{hasTestSplit ? '' : ' (none)'}
            </option>
          </select>
        </label>
        <label className="eval-choice">
          Weights{' '}
          <select
            value={options.checkpoint}
            onChange={(e) => setOptions({ ...options, checkpoint: e.target.value as EvaluateOptions['checkpoint'] })}
            data-testid="eval-checkpoint"
          >
            <option value="best">best epoch</option>
            <option value="final">final</option>
          </select>
        </label>
      </div>
      {!finished && <p className="panel-empty">The evaluation is available once the run has finished.</p>}
      {state.kind === 'loading' && <p className="panel-empty">Evaluating every sample of the {options.split} split…</p>}
      {state.kind === 'error' && (
        <p className="field-error" data-testid="eval-error">
          The evaluation could not run: {state.text}
        </p>
      )}
      {state.kind === 'ready' && <EvaluationResultView evaluation={state.evaluation} />}
    </section>
  );
}

function EvaluationResultView({ evaluation: e }: { evaluation: SplitEvaluation }) {
  const summary = `${e.count} ${e.split} samples · weights of epoch ${e.epoch} (${e.checkpoint}) · loss ${e.loss.toPrecision(4)}`;
  if (e.task === 'regression') {
    const r = e.residuals;
    return (
      <div data-testid="eval-regression">
        <p className="eval-summary">
          {summary}
          {e.r2 !== undefined ? ` · R² ${e.r2.toFixed(3)}` : ''}
        </p>
        {r && (
          <table className="compare-table">
            <thead>
              <tr>
                <th>Residuals (prediction − target)</th>
                <th>mean</th>
                <th>std</th>
                <th>MAE</th>
                <th>RMSE</th>
                <th>largest</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td />
                <td className="num">{r.mean.toPrecision(3)}</td>
                <td className="num">{r.std.toPrecision(3)}</td>
                <td className="num">{r.mae.toPrecision(3)}</td>
                <td className="num">{r.rmse.toPrecision(3)}</td>
                <td className="num">{r.maxAbs.toPrecision(3)}</td>
              </tr>
            </tbody>
          </table>
        )}
      </div>
    );
  }
  const classes = e.classNames ?? [];
  const confusion = e.confusion ?? [];
  return (
    <div data-testid="eval-classification" data-count={e.count} data-accuracy={e.accuracy}>
      <p className="eval-summary">
        {summary} · accuracy {pct(e.accuracy ?? 0)}
      </p>
      <div className="eval-grid">
        <ChartBox
          title="Confusion matrix (rows: true class; colour: share of the row)"
          testId="confusion-matrix"
          height={Math.max(240, classes.length * 30 + 90)}
          points={confusion.flat().reduce((a, b) => a + b, 0)}
          option={(theme) => confusionOption(theme, confusion, classes)}
          deps={[confusion, classes]}
        />
        <table className="compare-table eval-classes" data-testid="per-class-table">
          <thead>
            <tr>
              <th>Class</th>
              <th>Precision</th>
              <th>Recall</th>
              <th>F1</th>
              <th>Samples</th>
            </tr>
          </thead>
          <tbody>
            {(e.perClass ?? []).map((c) => (
              <tr key={c.className}>
                <td>{c.className}</td>
                <td className="num">{pct(c.precision)}</td>
                <td className="num">{pct(c.recall)}</td>
                <td className="num">{c.f1.toFixed(3)}</td>
                <td className="num">{c.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MisclassifiedGrid
        samples={e.misclassified ?? []}
        total={e.misclassifiedCount ?? 0}
        classNames={classes}
        inputShape={e.inputShape}
        featureNames={e.featureNames}
      />
    </div>
  );
}
