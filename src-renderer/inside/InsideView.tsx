// Looking inside a run: the decision boundary (2-D inputs, live), per-layer histograms of weights,
// activations and gradients at the latest epoch, and gradient norm by depth over epochs.
import { useEffect, useRef, useState } from 'react';
import type { LayerHistograms } from '../../src-shared/engineEvents';
import { IconButton } from '../ui/IconButton';
import { useScreenStore } from '../compare/screenStore';
import { ChartBox } from '../compare/ChartBox';
import { useRunStore } from '../runs/runStore';
import { useInsightStore } from './insightStore';
import { useInsideData } from './useInsideData';
import { drawBoundary } from './boundaryCanvas';
import { gradNormOption, histogramOption } from './layerCharts';
import '../compare/compare.css';

type Kind = keyof LayerHistograms;
const KINDS: Array<{ id: Kind; label: string; color: string }> = [
  { id: 'weights', label: 'Weights', color: '#4263eb' },
  { id: 'activations', label: 'Activations', color: '#0ca678' },
  { id: 'gradients', label: 'Gradients', color: '#f76707' },
];
const SIZE = 360;

export function InsideView() {
  const byRun = useInsightStore((s) => s.byRun);
  const activeRunId = useRunStore((s) => s.activeRunId);
  const runId = activeRunId ?? Object.keys(byRun).pop() ?? null;
  const status = useRunStore((s) => (runId ? s.live[runId]?.status : undefined));
  const insight = runId ? byRun[runId] : undefined;
  const data = useInsideData(runId, insight?.epoch ?? 0, status);
  const [kind, setKind] = useState<Kind>('weights');
  const canvas = useRef<HTMLCanvasElement>(null);
  const boundary = insight?.boundary;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx && boundary) drawBoundary(ctx, boundary, data.points, SIZE, SIZE);
  }, [boundary, data.points]);
  const histLayers = insight?.histograms ? data.order.filter((id) => insight.histograms![id]?.[kind]) : [];
  const kindSpec = KINDS.find((k) => k.id === kind)!;
  return (
    <section className="compare-view" aria-label="Inside the network" data-testid="inside-view">
      <div className="run-view-bar">
        <IconButton icon="back" label="Back to the editor" onClick={() => useScreenStore.getState().show(null)} testId="inside-back" className="has-text">Editor</IconButton>
        <h2 className="run-view-title">Inside the network{insight ? ` · epoch ${insight.epoch}` : ''}</h2>
        {status && <span className="run-view-readonly">{status}</span>}
      </div>
      {!runId && <p className="panel-empty">Train a network: its decision boundary and layer histograms appear here while it learns.</p>}
      {runId && !insight && <p className="panel-empty">Waiting for the first epoch of the current run… (runs started before this screen existed, or reopened from the history, have no live insights.)</p>}
      {data.error && <p className="field-error">The run could not be loaded: {data.error}</p>}
      <div className="compare-body">
        {boundary && (
          <figure className="chart-box inside-boundary" data-testid="boundary" data-epoch={insight?.boundaryEpoch}>
            <figcaption className="chart-box-title"><span>Decision boundary (epoch {insight?.boundaryEpoch}) · {data.datasetId}</span></figcaption>
            <canvas ref={canvas} width={SIZE} height={SIZE} data-testid="boundary-canvas" />
            <p className="dialog-hint">Colour: predicted class; paler where the model is unsure. Dots: the dataset’s points.</p>
          </figure>
        )}
        {insight?.histograms && (
          <section data-testid="histograms">
            <div className="compare-controls" role="tablist" aria-label="Histogram kind">
              {KINDS.map((k) => (
                <button key={k.id} type="button" role="tab" className="button" aria-selected={kind === k.id} aria-pressed={kind === k.id} onClick={() => setKind(k.id)} data-testid={`hist-${k.id}`}>
                  {k.label}
                </button>
              ))}
            </div>
            <div className="inside-hists">
              {histLayers.map((id) => {
                const h = insight.histograms![id]![kind]!;
                return (
                  <ChartBox key={`${id}-${kind}`} title={`${id} · ${kindSpec.label.toLowerCase()}`} testId={`hist-${id}`} height={150} points={h.counts.length} option={(theme) => histogramOption(theme, h, kindSpec.color)} deps={[h]} />
                );
              })}
              {!histLayers.length && <p className="panel-empty">No layer has {kindSpec.label.toLowerCase()} to show.</p>}
            </div>
          </section>
        )}
        {data.layers.some((l) => l.gradNorm !== undefined) && (
          <ChartBox title="Gradient norm by depth" testId="grad-norm-depth" points={data.layers.length} option={(theme) => gradNormOption(theme, data.layers, data.order)} deps={[data.layers, data.order]} />
        )}
      </div>
    </section>
  );
}
