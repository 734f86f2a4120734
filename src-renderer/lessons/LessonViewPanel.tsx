// The view chosen for a lesson's idea, drawn from its runs (or, for the optimizer lab and the
// gradient check, computed here by the engine's own optimizers and gradient check).
import { useEffect, useMemo, useRef } from 'react';
import { ChartBox } from '../compare/ChartBox';
import { lessonLayerGradError, LESSON_LAYERS } from '../../src-engine';
import type { Lesson } from '../../src-shared/lessonFormat';
import { labPaths } from '../labs/optimizerLab/labRuns';
import { drawPaths, drawSurface } from '../labs/optimizerLab/contourCanvas';
import { byDepthOption, curvesOption, gradCheckBarsOption, type LabelledRun } from './lessonCharts';
import type { LessonProgress } from './lessonStore';

const TITLES = {
  losses: 'Loss per epoch',
  accuracy: 'Training accuracy per epoch',
  byDepth: 'By depth, after the first epoch',
  gradcheck: 'Gradient check of the lesson’s layers (log scale)',
  optimizerPath: 'Optimizer lab',
  boundary: 'Loss per epoch',
} as const;

export function LessonViewPanel({ lesson, progress }: { lesson: Lesson; progress?: LessonProgress }) {
  const view = lesson.view;
  const runs: LabelledRun[] = (progress?.runs ?? [])
    .map((run, i) => ({ label: progress!.labels[i] ?? run.variant, run }))
    .filter((r) => !view.variants || view.variants.includes(r.run.variant));
  return (
    <section className="lesson-view" aria-label="View" data-testid="lesson-view" data-kind={view.kind}>
      {view.kind === 'optimizerPath' && <OptimizerPaths lesson={lesson} />}
      {view.kind === 'gradcheck' && <GradCheckBars />}
      {(view.kind === 'losses' || view.kind === 'accuracy' || view.kind === 'boundary' || view.kind === 'optimizerPath') &&
        runs.length > 0 && (
          <ChartBox
            title={view.kind === 'optimizerPath' ? 'The same optimizers on a real network: loss per epoch' : TITLES[view.kind]}
            testId="lesson-chart"
            height={280}
            points={runs.length}
            toggles
            option={(theme) => curvesOption(theme, runs, view)}
            deps={[runs, view]}
          />
        )}
      {view.kind === 'byDepth' && runs.length > 0 && (
        <ChartBox
          title={`${view.metric === 'actStd' ? 'Standard deviation of each layer’s outputs' : view.metric === 'weightNorm' ? 'Weight norm of each layer' : 'Gradient norm of each layer'}, after the first epoch${view.log ? ' (log scale)' : ''}`}
          testId="lesson-chart"
          height={280}
          points={runs.length}
          toggles
          option={(theme) => byDepthOption(theme, runs, view)}
          deps={[runs, view]}
        />
      )}
    </section>
  );
}

function GradCheckBars() {
  const errors = useMemo(() => LESSON_LAYERS.map((l) => ({ name: l.name, error: lessonLayerGradError(l.name) })), []);
  return (
    <ChartBox
      title={TITLES.gradcheck}
      testId="lesson-chart"
      height={260}
      points={errors.length}
      option={(theme) => gradCheckBarsOption(theme, errors)}
      deps={[errors]}
    />
  );
}

const WIDTH = 560;
const HEIGHT = 300;

function OptimizerPaths({ lesson }: { lesson: Lesson }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = lesson.view;
  const surface = view.surface ?? 'elongated';
  const steps = view.steps ?? 100;
  const paths = useMemo(() => {
    const chosen = view.optimizers ?? [{ name: 'sgd', lr: 0.1 }];
    return labPaths(
      surface,
      chosen.map((o) => o.name),
      Object.fromEntries(chosen.map((o) => [o.name, o.lr])),
      steps,
    );
  }, [surface, steps, view.optimizers]);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    drawSurface(ctx, surface, WIDTH, HEIGHT);
    drawPaths(ctx, surface, paths, steps, WIDTH, HEIGHT);
  }, [surface, paths, steps]);
  return (
    <figure className="lesson-lab" data-testid="lesson-lab">
      <figcaption>
        {TITLES.optimizerPath}: {steps} steps on the elongated valley x²/20 + y²
      </figcaption>
      <canvas ref={canvas} width={WIDTH} height={HEIGHT} />
      <ul className="lesson-lab-legend">
        {paths.map((p) => (
          <li key={p.optimizer}>
            <span className="lesson-swatch" style={{ background: p.color }} />
            {p.label} (lr {p.lr}): f = {p.points[p.points.length - 1]!.f.toExponential(2)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
