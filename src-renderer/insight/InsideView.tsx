// Looking inside a run: the decision boundary (2-D inputs), per-layer histograms of weights,
// activations and gradients, gradient norm by depth over epochs and, once the run has finished,
// its evaluation over a whole split. Live runs stream; finished runs read what was stored, with
// a slider over the epochs.
import { useEffect, useRef, useState } from 'react';
import type { LayerHistograms } from '../../src-shared/engineEvents';
import { IconButton } from '../ui/IconButton';
import { useScreenStore } from '../navigation/screenStore';
import { ChartBox } from '../compare/ChartBox';
import { useRunStore } from '../runs/runStore';
import { useDatasetStore } from '../datasets/datasetStore';
import { useInsightStore } from './insightStore';
import { useInsideData } from './useInsideData';
import { insightAt, useStoredInsights } from './storedInsights';
import { drawBoundary, drawSurface } from './boundaryCanvas';
import { gradNormOption, histogramOption } from './layerCharts';
import { InsideRunBar } from './InsideRunBar';
import { EvaluationPanel } from './EvaluationPanel';
import { DeadUnits } from '../livelab/DeadUnits';
import '../compare/compare.css';
import './inside.css';

type Kind = keyof LayerHistograms;
const KINDS: Array<{ id: Kind; label: string; color: string }> = [
  { id: 'weights', label: 'Weights', color: '#4263eb' },
  { id: 'activations', label: 'Activations', color: '#0ca678' },
  { id: 'gradients', label: 'Gradients', color: '#f76707' },
];
const SIZE = 360;
const ACTIVE = ['queued', 'running', 'paused'];

export function InsideView() {
  const byRun = useInsightStore((s) => s.byRun);
  const activeRunId = useRunStore((s) => s.activeRunId);
  const viewedRunId = useRunStore((s) => s.viewed?.runId ?? null);
  // Closing this screen shows what is under it: the open run's view, else the editor.
  const backTo = viewedRunId ? 'run' : 'editor';
  const [picked, setPicked] = useState<string | null>(null);
  // The run picked here, else the one open from the history, else the one training now.
  const runId = picked ?? viewedRunId ?? activeRunId ?? Object.keys(byRun).pop() ?? null;
  const status = useRunStore((s) => (runId ? s.live[runId]?.status : undefined));
  const live = status !== undefined && ACTIVE.includes(status);
  const stored = useStoredInsights(runId, live);
  const storedEpochs = live ? [] : stored.events.map((e) => e.epoch);
  const [chosenEpoch, setChosenEpoch] = useState<number | null>(null);
  useEffect(() => setChosenEpoch(null), [runId, live]);
  const epoch = chosenEpoch ?? storedEpochs[storedEpochs.length - 1] ?? 0;
  const insight = live ? (runId ? byRun[runId] : undefined) : insightAt(stored.events, epoch);
  const data = useInsideData(runId, live ? (insight?.epoch ?? 0) : -1, status);
  const dataset = useDatasetStore((s) => s.list.find((d) => d.id === data.datasetId));
  const [kind, setKind] = useState<Kind>('weights');
  const canvas = useRef<HTMLCanvasElement>(null);
  const boundary = insight?.boundary;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx && boundary?.values) drawSurface(ctx, { ...boundary, values: boundary.values }, data.points, SIZE, SIZE);
    else if (ctx && boundary) drawBoundary(ctx, boundary, data.points, SIZE, SIZE);
  }, [boundary, data.points]);
  const histLayers = insight?.histograms ? data.order.filter((id) => insight.histograms![id]?.[kind]) : [];
  const kindSpec = KINDS.find((k) => k.id === kind)!;
  const finished = !!runId && !live && !!data.status && !ACTIVE.includes(data.status);
  return (
    <section
      className="compare-view"
      aria-label="Inside the network"
      data-testid="inside-view"
      data-source={live ? 'live' : 'stored'}
    >
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label={backTo === 'run' ? 'Back to the run' : 'Back to the editor'}
          onClick={() => useScreenStore.getState().show(null)}
          testId="inside-back"
          className="has-text"
        >
          {backTo === 'run' ? 'Run' : 'Editor'}
        </IconButton>
        <h2 className="run-view-title">Inside the network{insight ? ` · epoch ${insight.epoch}` : ''}</h2>
        {(status ?? data.status) && <span className="run-view-readonly">{status ?? data.status}</span>}
      </div>
      <InsideRunBar
        runId={runId}
        listKey={`${activeRunId}:${status}`}
        onPick={setPicked}
        epochs={storedEpochs}
        epoch={epoch}
        onEpoch={setChosenEpoch}
      />
      {!runId && (
        <p className="panel-empty">Train a network: its decision boundary and layer histograms appear here while it learns.</p>
      )}
      {runId && live && !insight && <p className="panel-empty">Waiting for the first epoch of the current run…</p>}
      {runId && !live && stored.loaded && !stored.events.length && (
        <p className="panel-empty" data-testid="inside-none">
          This run recorded no histograms or boundary (it was trained before LayerLab kept them, or without them).
        </p>
      )}
      {(data.error || stored.error) && <p className="field-error">The run could not be loaded: {data.error ?? stored.error}</p>}
      <div className="compare-body">
        {boundary && (
          <figure className="chart-box inside-boundary" data-testid="boundary" data-epoch={insight?.boundaryEpoch}>
            <figcaption className="chart-box-title">
              <span>
                Decision boundary (epoch {insight?.boundaryEpoch}) · {data.datasetId}
              </span>
            </figcaption>
            <canvas ref={canvas} width={SIZE} height={SIZE} data-testid="boundary-canvas" />
            <p className="dialog-hint">Colour: predicted class; paler where the model is unsure. Dots: the dataset’s points.</p>
          </figure>
        )}
        {insight?.histograms && (
          <section data-testid="histograms" data-epoch={insight.epoch}>
            <div className="compare-controls" role="tablist" aria-label="Histogram kind">
              {KINDS.map((k) => (
                <button
                  key={k.id}
                  type="button"
                  role="tab"
                  className="button"
                  aria-selected={kind === k.id}
                  aria-pressed={kind === k.id}
                  onClick={() => setKind(k.id)}
                  data-testid={`hist-${k.id}`}
                >
                  {k.label}
                </button>
              ))}
            </div>
            <div className="inside-hists">
              {histLayers.map((id) => {
                const h = insight.histograms![id]![kind]!;
                return (
                  <ChartBox
                    key={`${id}-${kind}`}
                    title={`${id} · ${kindSpec.label.toLowerCase()}`}
                    testId={`hist-${id}`}
                    height={150}
                    points={h.counts.length}
                    option={(theme) => histogramOption(theme, h, kindSpec.color)}
                    deps={[h]}
                  />
                );
              })}
              {!histLayers.length && <p className="panel-empty">No layer has {kindSpec.label.toLowerCase()} to show.</p>}
            </div>
          </section>
        )}
        {data.layers.some((l) => l.gradNorm !== undefined) && (
          <ChartBox
            title="Gradient norm by depth"
            testId="grad-norm-depth"
            points={data.layers.length}
            option={(theme) => gradNormOption(theme, data.layers, data.order)}
            deps={[data.layers, data.order]}
          />
        )}
        <DeadUnits layers={data.layers} order={data.order} />
        {finished && (
          <EvaluationPanel
            key={runId}
            runId={runId}
            finished
            hasTestSplit={(dataset?.testCount ?? 0) > 0 || data.heldOutTest === true}
          />
        )}
      </div>
    </section>
  );
}
