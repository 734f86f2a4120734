// "Try the model": a finished run evaluated over its whole validation or test split (confusion
// matrix, per-class metrics, misclassified samples) and, for 28 × 28 digit models, a drawing pad.
import { IconButton } from '../ui/IconButton';
import { useScreenStore } from '../navigation/screenStore';
import { useTrainedModel } from './useTrainedModel';
import { DrawingPad } from './DrawingPad';
import { EvaluationPanel } from './EvaluationPanel';
import '../compare/compare.css';

export function ModelView({ runId }: { runId: string }) {
  const state = useTrainedModel(runId);
  const classes = state.kind === 'ready' ? (state.dataset.classNames ?? []) : [];
  const isDigits = state.kind === 'ready' && state.dataset.inputShape.join('x') === '28x28x1' && classes.length === 10;
  return (
    <section className="compare-view" aria-label="Try the model" data-testid="model-view">
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label="Back"
          onClick={() => useScreenStore.getState().show(null)}
          testId="model-back"
          className="has-text"
        >
          Back
        </IconButton>
        <h2 className="run-view-title">
          Try the model{state.kind === 'ready' ? ` · ${state.detail.name} · epoch ${state.epoch}` : ''}
        </h2>
      </div>
      <div className="compare-body">
        {state.kind === 'loading' && <p className="panel-empty">Loading the trained weights…</p>}
        {state.kind === 'error' && <p className="field-error">The model cannot be loaded: {state.text}</p>}
        {isDigits && <DrawingPad model={state.model} classNames={classes} />}
        {state.kind !== 'loading' && (
          <EvaluationPanel
            runId={runId}
            finished
            hasTestSplit={state.kind === 'ready' ? state.dataset.testCount > 0 || (state.detail.config.testSplit ?? 0) > 0 : true}
          />
        )}
      </div>
    </section>
  );
}
