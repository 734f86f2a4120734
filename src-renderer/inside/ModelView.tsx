// "Try the model": a finished classifier's confusion matrix and misclassified samples on the
// dataset preview, and a drawing pad for 28 × 28 digit models.
import { useMemo } from 'react';
import { IconButton } from '../ui/IconButton';
import { useScreenStore } from '../compare/screenStore';
import { confusionMatrix } from '../../src-engine/analysis/inspect';
import { probeFromPreview } from '../labs/initLab/probe';
import { useTrainedModel, type TrainedState } from './useTrainedModel';
import { argmax, classify } from './trainedModel';
import { DrawingPad } from './DrawingPad';
import '../compare/compare.css';

export function ModelView({ runId }: { runId: string }) {
  const state = useTrainedModel(runId);
  return (
    <section className="compare-view" aria-label="Try the model" data-testid="model-view">
      <div className="run-view-bar">
        <IconButton icon="back" label="Back" onClick={() => useScreenStore.getState().show(null)} testId="model-back" className="has-text">Back</IconButton>
        <h2 className="run-view-title">Try the model{state.kind === 'ready' ? ` · ${state.detail.name} · epoch ${state.epoch}` : ''}</h2>
      </div>
      <div className="compare-body">
        {state.kind === 'loading' && <p className="panel-empty">Loading the trained weights…</p>}
        {state.kind === 'error' && <p className="field-error">The model cannot be loaded: {state.text}</p>}
        {state.kind === 'ready' && <Ready state={state} />}
      </div>
    </section>
  );
}

function Ready({ state }: { state: Extract<TrainedState, { kind: 'ready' }> }) {
  const { dataset, model, preview, detail } = state;
  const classes = dataset.classNames ?? [];
  const scaled = (detail.config.datasetOptions?.scaling ?? 'none') !== 'none';
  const results = useMemo(() => {
    if (!preview || dataset.task !== 'classification' || !classes.length || scaled) return null;
    const probe = probeFromPreview(preview, dataset.inputShape);
    if ('error' in probe) return null;
    const labels = preview.kind === 'points' ? preview.points.map((p) => p.label) : preview.kind === 'images' ? preview.images.map((im) => im.label) : [];
    if (labels.length !== probe.count) return null;
    const predicted = classify(model, probe.x, probe.count).map(argmax);
    const wrong = labels.flatMap((l, i) => (predicted[i] !== l ? [{ index: i, label: l, predicted: predicted[i]! }] : []));
    return { matrix: confusionMatrix(predicted, labels, classes.length), count: labels.length, wrong };
  }, [preview, dataset, model, classes.length, scaled]);
  const isDigits = dataset.inputShape.join('x') === '28x28x1' && classes.length === 10;
  const maxCell = results ? Math.max(1, ...results.matrix.flat()) : 1;
  return (
    <>
      {isDigits && <DrawingPad model={model} classNames={classes} />}
      {scaled && <p className="panel-empty">This run scaled its inputs; the confusion matrix on the raw preview samples is not shown.</p>}
      {results && (
        <section className="chart-box" data-testid="confusion">
          <h3 className="chart-box-title">Confusion matrix on {results.count} preview samples · {results.count - results.wrong.length} right</h3>
          <table className="confusion-table" data-testid="confusion-table">
            <thead>
              <tr><th>true ↓ / predicted →</th>{classes.map((c) => <th key={c}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {results.matrix.map((row, i) => (
                <tr key={i}>
                  <th>{classes[i]}</th>
                  {row.map((n, j) => (
                    <td key={j} className={i === j ? 'diag' : undefined} style={{ background: `rgba(${i === j ? '66, 99, 235' : '247, 103, 7'}, ${(n / maxCell) * 0.6})` }}>{n}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {results.wrong.length > 0 && (
            <>
              <h4>Misclassified ({results.wrong.length})</h4>
              <ul className="misclassified" data-testid="misclassified">
                {results.wrong.slice(0, 24).map((w) => (
                  <li key={w.index}>
                    {preview?.kind === 'images' && <Thumb pixels={preview.images[w.index]!.pixels} width={preview.width} height={preview.height} />}
                    {preview?.kind === 'points' && <span>({preview.points[w.index]!.x.toFixed(2)}, {preview.points[w.index]!.y.toFixed(2)})</span>}
                    <span> {classes[w.label]} → {classes[w.predicted]}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}

function Thumb({ pixels, width, height }: { pixels: number[]; width: number; height: number }) {
  return (
    <canvas
      width={width}
      height={height}
      className="thumb"
      ref={(el) => {
        const c = el?.getContext('2d');
        if (!c) return;
        const img = c.createImageData(width, height);
        pixels.forEach((v, i) => img.data.set([v, v, v, 255], i * 4));
        c.putImageData(img, 0, 0);
      }}
    />
  );
}
