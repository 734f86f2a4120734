// The optimizer lab: SGD, momentum, Nesterov, Adagrad, RMSprop and Adam walking a 2-D surface,
// animated over its contour plot, each with its own learning rate (or one for all) and the
// number of steps adjustable.
import { useEffect, useMemo, useRef, useState } from 'react';
import { SURFACES } from '../../../src-engine';
import { IconButton } from '../../ui/IconButton';
import { useScreenStore } from '../../navigation/screenStore';
import { downloadUrl } from '../../compare/download';
import { DEFAULT_LR, LAB_OPTIMIZERS, defaultLrs, labPaths } from './labRuns';
import { drawPaths, drawSurface } from './contourCanvas';
import '../../compare/compare.css';
import './optimizerLab.css';

const WIDTH = 640;
const HEIGHT = 440;
const ANIMATION_MS = 2500;

export function OptimizerLab() {
  const [surfaceId, setSurfaceId] = useState('elongated');
  const [chosen, setChosen] = useState<string[]>(LAB_OPTIMIZERS.map((o) => o.name));
  const [sameLr, setSameLr] = useState(false);
  const [lr, setLr] = useState(DEFAULT_LR.elongated!);
  const [lrs, setLrs] = useState<Record<string, number>>(() => defaultLrs('elongated'));
  const [steps, setSteps] = useState(100);
  const [frame, setFrame] = useState(0);
  const [replay, setReplay] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const background = useRef<ImageData | null>(null);
  const surface = SURFACES.find((s) => s.id === surfaceId)!;
  const goodLr = (v: number) => v > 0 && Number.isFinite(v);
  const lrValid = sameLr ? goodLr(lr) : chosen.every((name) => goodLr(lrs[name] ?? NaN));
  const valid = lrValid && steps >= 1 && steps <= 2000;
  const paths = useMemo(
    () => (valid ? labPaths(surfaceId, chosen, sameLr ? lr : lrs, Math.round(steps)) : []),
    [surfaceId, chosen, sameLr, lr, lrs, steps, valid],
  );

  // The contour is drawn once per surface and kept as pixels; each frame only redraws the paths.
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    drawSurface(ctx, surfaceId, WIDTH, HEIGHT);
    background.current = ctx.getImageData(0, 0, WIDTH, HEIGHT);
  }, [surfaceId]);

  useEffect(() => {
    const total = Math.round(steps);
    let raf = 0;
    const started = performance.now();
    const tick = (now: number) => {
      // A frame's timestamp can be a little earlier than the effect's start.
      const f = Math.max(0, Math.min(total, Math.round(((now - started) / ANIMATION_MS) * total)));
      setFrame(f);
      if (f < total) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [paths, steps, replay]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !background.current) return;
    ctx.putImageData(background.current, 0, 0);
    drawPaths(ctx, surfaceId, paths, frame, WIDTH, HEIGHT);
  }, [paths, frame, surfaceId]);

  const pickSurface = (id: string) => {
    setSurfaceId(id);
    setLr(DEFAULT_LR[id] ?? 0.01);
    setLrs(defaultLrs(id));
  };
  const done = frame >= Math.round(steps);
  return (
    <section className="lab-view" aria-label="Optimizer lab" data-testid="optimizer-lab">
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label="Back to the editor"
          onClick={() => useScreenStore.getState().show(null)}
          testId="lab-back"
          className="has-text"
        >
          Editor
        </IconButton>
        <h2 className="run-view-title">Optimizer lab</h2>
        <span className="topbar-fill" />
        <button type="button" className="button" onClick={() => setReplay(replay + 1)} data-testid="lab-replay">
          Replay
        </button>
        <button
          type="button"
          className="button"
          onClick={() => canvas.current && downloadUrl(canvas.current.toDataURL('image/png'), `optimizer-lab-${surfaceId}.png`)}
        >
          PNG
        </button>
      </div>
      <div className="lab-body">
        <div className="lab-controls">
          <label className="field">
            Surface
            <select value={surfaceId} onChange={(e) => pickSurface(e.target.value)} data-testid="lab-surface">
              {SURFACES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <p className="dialog-hint">{surface.description}</p>
          <fieldset>
            <legend>Optimizers</legend>
            {LAB_OPTIMIZERS.map((o) => (
              <div key={o.name} className="lab-opt-row">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(o.name)}
                    onChange={() => setChosen(chosen.includes(o.name) ? chosen.filter((c) => c !== o.name) : [...chosen, o.name])}
                    data-testid={`lab-opt-${o.name}`}
                  />{' '}
                  <span className="lab-swatch" style={{ background: o.color }} /> {o.label}
                </label>
                {!sameLr && (
                  <input
                    type="number"
                    step="any"
                    min={0}
                    className="lab-opt-lr"
                    aria-label={`${o.label} learning rate`}
                    title={`${o.label} learning rate`}
                    value={lrs[o.name] ?? ''}
                    disabled={!chosen.includes(o.name)}
                    onChange={(e) => setLrs({ ...lrs, [o.name]: Number(e.target.value) })}
                    data-testid={`lab-lr-${o.name}`}
                  />
                )}
              </div>
            ))}
          </fieldset>
          <label className="check lab-same-lr">
            <input type="checkbox" checked={sameLr} onChange={(e) => setSameLr(e.target.checked)} data-testid="lab-same-lr" />{' '}
            Same learning rate for all
          </label>
          {sameLr ? (
            <label className="field">
              Learning rate
              <input
                type="number"
                step="any"
                min={0}
                value={lr}
                onChange={(e) => setLr(Number(e.target.value))}
                data-testid="lab-lr"
              />
            </label>
          ) : (
            <p className="dialog-hint">
              Each optimizer starts with a learning rate at which it behaves well on this surface: the same number means different
              step sizes to SGD and to Adam.
            </p>
          )}
          <label className="field">
            Steps
            <input
              type="number"
              min={1}
              max={2000}
              value={steps}
              onChange={(e) => setSteps(Number(e.target.value))}
              data-testid="lab-steps"
            />
          </label>
          {!valid && <p className="field-error">Learning rates must be above 0 and the steps between 1 and 2000.</p>}
        </div>
        <div className="lab-plot">
          <canvas
            ref={canvas}
            width={WIDTH}
            height={HEIGHT}
            className="lab-canvas"
            data-testid="lab-canvas"
            data-frame={frame}
            data-done={done}
          />
          <table className="compare-table lab-results" data-testid="lab-results">
            <thead>
              <tr>
                <th>Optimizer</th>
                <th>lr</th>
                <th>Step</th>
                <th>x</th>
                <th>y</th>
                <th>f(x, y)</th>
              </tr>
            </thead>
            <tbody>
              {paths.map((p) => {
                const point = p.points[Math.min(frame, p.points.length - 1)]!;
                return (
                  <tr key={p.optimizer} data-testid="lab-result" data-optimizer={p.optimizer} data-f={point.f} data-lr={p.lr}>
                    <td>
                      <span className="lab-swatch" style={{ background: p.color }} /> {p.label}
                    </td>
                    <td className="num">{p.lr}</td>
                    <td className="num">{Math.min(frame, p.points.length - 1)}</td>
                    <td className="num">{point.x.toPrecision(4)}</td>
                    <td className="num">{point.y.toPrecision(4)}</td>
                    <td className="num">{p.diverged ? 'diverged' : point.f.toPrecision(4)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
