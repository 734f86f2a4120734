// A lesson's decision boundaries: one small map per run, the class each point of the input plane
// gets (paler where the model is unsure) with the run's training points on top, drawn with the
// inside view's boundary code from the boundary the run recorded at its last (or first) epoch.
import { useEffect, useMemo, useRef } from 'react';
import { runBoundary, type BoundaryGrid as Grid } from '../../src-engine';
import { classColor, drawBoundary } from '../insight/boundaryCanvas';
import type { LabelledRun } from './lessonCharts';

const SIZE = 176;
/** Up to this many points (the logic gates' four corners) each get a large ring, so none is lost in a corner. */
const FEW = 16;

export function BoundaryGrid({ runs, at }: { runs: LabelledRun[]; at: 'first' | 'last' }) {
  const drawn = useMemo(
    () =>
      runs.flatMap(({ label, run }) => {
        const b = runBoundary(run, at);
        return b ? [{ label, variant: run.variant, epoch: b.epoch, grid: b.grid, points: planePoints(run.inputs) }] : [];
      }),
    [runs, at],
  );
  return (
    <figure className="lesson-boundaries" data-testid="lesson-boundary" data-points={drawn.length}>
      <figcaption className="chart-box-title">
        <span>Decision boundary of each run {at === 'first' ? 'after its first epoch' : 'at the end'}</span>
      </figcaption>
      {drawn.length > 0 && (
        <p className="lesson-boundary-key">
          Colour: the class the network predicts there (
          <span className="lesson-swatch" style={{ background: classColor(0) }} /> 0,{' '}
          <span className="lesson-swatch" style={{ background: classColor(1) }} /> 1), paler where it is unsure. Dots: the
          training points, in their own class’s colour.
        </p>
      )}
      {drawn.length === 0 ? (
        <p className="lesson-view-empty">These runs recorded no decision boundary (it needs inputs with two features).</p>
      ) : (
        <ul className="lesson-boundary-list">
          {drawn.map((d) => (
            <li key={d.variant} data-testid={`lesson-boundary-${d.variant}`}>
              <BoundaryMap grid={d.grid} points={d.points} />
              <span className="lesson-boundary-label">{d.label}</span>
              <span className="lesson-boundary-epoch">epoch {d.epoch}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

function BoundaryMap({ grid, points }: { grid: Grid; points: Array<{ x: number; y: number; label: number }> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    drawBoundary(ctx, grid, points, SIZE, SIZE);
    if (points.length <= FEW) ringPoints(ctx, grid, points);
  }, [grid, points]);
  return <canvas ref={canvas} width={SIZE} height={SIZE} />;
}

function ringPoints(ctx: CanvasRenderingContext2D, grid: Grid, points: ReadonlyArray<{ x: number; y: number; label: number }>) {
  const [x0, x1] = [grid.xs[0]!, grid.xs[grid.xs.length - 1]!];
  const [y0, y1] = [grid.ys[0]!, grid.ys[grid.ys.length - 1]!];
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(((p.x - x0) / (x1 - x0)) * SIZE, SIZE - ((p.y - y0) / (y1 - y0)) * SIZE, 6.5, 0, Math.PI * 2);
    ctx.fillStyle = classColor(p.label);
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#1f2430';
    ctx.stroke();
  }
}

/** The run's training points when its inputs are 2-D and labelled. */
function planePoints(inputs: LabelledRun['run']['inputs']): Array<{ x: number; y: number; label: number }> {
  if (!inputs?.labels || inputs.features !== 2) return [];
  return Array.from({ length: inputs.count }, (_, i) => ({
    x: Number(inputs.x[i * 2]),
    y: Number(inputs.x[i * 2 + 1]),
    label: Math.round(Number(inputs.labels![i])),
  }));
}
