// The output beside the network (issue #16): for 2-D datasets, the decision boundary (or, for
// regression, the surface of predicted values) of the run training now, redrawn at every epoch, with the dataset's points in the same coordinates. A toggle
// shows the training or the held-back validation points, as TensorFlow Playground's "show test data".
// For image datasets, a strip of validation samples with their predicted class.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../app/api';
import { useGraphStore } from '../document/graphStore';
import { useDatasetStore } from '../datasets/datasetStore';
import { useRunStore } from '../runs/runStore';
import { asDatasetPreview } from '../datasets/previewTypes';
import { useInsightStore } from './insightStore';
import { drawOutput } from './boundaryCanvas';
import { markValidation, type OutputPoint } from './outputPoints';
import { useUiStore } from '../ui/uiStore';
import { GalleryStrip } from './GalleryStrip';
import { outputKind } from './outputKind';
import './outputPanel.css';

const SIZE = 232;
type Shown = 'train' | 'validation' | 'all';

export function OutputPanel() {
  const datasetId = useGraphStore((s) => s.training.dataset);
  const validationSplit = useGraphStore((s) => s.training.validationSplit);
  const seed = useGraphStore((s) => s.training.seed);
  const summary = useDatasetStore((s) => s.list.find((d) => d.id === datasetId));
  const activeRunId = useRunStore((s) => s.activeRunId);
  const runDataset = useRunStore((s) => s.runs.find((r) => r.id === s.activeRunId)?.datasetId);
  const insight = useInsightStore((s) => (activeRunId ? s.byRun[activeRunId] : undefined));
  const theme = useUiStore((s) => s.theme);
  const [raw, setRaw] = useState<Array<{ x: number; y: number; label: number }>>([]);
  const [shown, setShown] = useState<Shown>('train');
  const canvas = useRef<HTMLCanvasElement>(null);
  const kind = outputKind(summary);
  const planar = kind === 'plane';
  const regression = summary?.task === 'regression';

  useEffect(() => {
    setRaw([]);
    if (!planar) return;
    let live = true;
    api()
      .datasets.preview(datasetId)
      .then(
        (r) => {
          const p = asDatasetPreview(r.preview);
          if (live && p?.kind === 'points') setRaw(p.points);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [datasetId, planar]);

  const marked = useMemo<OutputPoint[] | null>(
    () => (summary && raw.length ? markValidation(raw, summary, validationSplit, seed) : null),
    [raw, summary, validationSplit, seed],
  );
  // Kept from render to render: the canvas redraws when the boundary or the points change, not for every render.
  const points = useMemo(
    () => (marked ? marked.filter((p) => shown === 'all' || (shown === 'validation') === p.validation) : raw),
    [marked, shown, raw],
  );
  // Only the boundary of a run on this very dataset belongs over these points.
  const boundary = runDataset === datasetId ? insight?.boundary : undefined;

  // Read once per theme: reading a style at every epoch makes the browser recompute the page's styles there and then.
  const surface = useRef<{ theme: string; color: string } | null>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    if (surface.current?.theme !== theme) {
      const color = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#ffffff';
      surface.current = { theme, color };
    }
    drawOutput(ctx, boundary, points, SIZE, SIZE, surface.current.color, regression);
  }, [boundary, points, theme, regression]);

  if (kind === 'images')
    return (
      <GalleryStrip
        gallery={runDataset === datasetId ? insight?.network?.gallery : undefined}
        epoch={insight?.epoch}
        classNames={summary?.classNames}
      />
    );
  // The column is not shown for other data (OutputColumn); nothing to draw while it changes.
  if (!planar) return null;
  return (
    <section
      className="output-panel"
      aria-label="Output"
      data-testid="output-panel"
      data-epoch={boundary ? insight?.boundaryEpoch : undefined}
    >
      <h3 className="output-title">
        Output{boundary ? <span className="output-epoch"> · epoch {insight?.boundaryEpoch}</span> : null}
      </h3>
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        className="output-canvas"
        data-testid="output-canvas"
        data-points={points.length}
      />
      {marked && (
        <div className="output-toggle" role="radiogroup" aria-label="Points shown">
          {(['train', 'validation', 'all'] as const).map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="output-points"
                checked={shown === k}
                onChange={() => setShown(k)}
                data-testid={`output-show-${k}`}
              />
              {k === 'train' ? 'training' : k}
            </label>
          ))}
        </div>
      )}
      <p className="output-hint">
        {boundary
          ? regression
            ? 'Colour: the value the network predicts there (orange low, blue high). Dots: the data’s targets on the same scale.'
            : 'Colour: the class the network predicts there, paler where unsure. Dots: the data, in its own units.'
          : regression
            ? 'Train to see the regression surface form here, epoch by epoch.'
            : 'Train to see the decision boundary form here, epoch by epoch.'}
      </p>
    </section>
  );
}
