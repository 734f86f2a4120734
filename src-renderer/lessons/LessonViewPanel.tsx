// The views chosen for a lesson's idea, drawn from its runs (or, for the optimizer lab and the
// gradient check, computed here by the engine's own optimizers and gradient check).
import { useEffect, useMemo, useRef } from 'react';
import { ChartBox } from '../compare/ChartBox';
import { activationHistograms, lessonLayerGradError, lessonViews, LESSON_LAYERS } from '../../src-engine';
import type { Lesson, LessonView } from '../../src-shared/lessonFormat';
import { labPaths } from '../labs/optimizerLab/labRuns';
import { drawPaths, drawSurface } from '../labs/optimizerLab/contourCanvas';
import { byDepthOption, curvesOption, gradCheckBarsOption, type LabelledRun } from './lessonCharts';
import { histogramGridHeight, histogramGridOption, type RunHistograms } from './histogramGrid';
import { BoundaryGrid } from './BoundaryGrid';
import type { LessonProgress } from './lessonStore';

const TITLES = {
  losses: 'Loss per epoch',
  accuracy: 'Training accuracy per epoch',
  gradcheck: 'Gradient check of the lesson’s layers (log scale)',
  optimizerPath: 'Optimizer lab',
} as const;

export function LessonViewPanel({ lesson, progress }: { lesson: Lesson; progress?: LessonProgress }) {
  const all = useMemo(
    () => (progress?.runs ?? []).map((run, i) => ({ label: progress!.labels[i] ?? run.variant, run })),
    [progress],
  );
  return (
    <section className="lesson-view" aria-label="View" data-testid="lesson-view" data-kind={lesson.view.kind}>
      {lessonViews(lesson).map((view, i) => (
        <OneView key={i} lesson={lesson} view={view} runs={all} />
      ))}
    </section>
  );
}

function OneView({ lesson, view, runs: all }: { lesson: Lesson; view: LessonView; runs: LabelledRun[] }) {
  const runs = useMemo(() => all.filter((r) => !view.variants || view.variants.includes(r.run.variant)), [all, view]);
  if (view.kind === 'gradcheck') return <GradCheckBars />;
  if (view.kind === 'optimizerPath')
    return (
      <>
        <OptimizerPaths lesson={lesson} />
        {runs.length > 0 && <Curves title="The same optimizers on a real network: loss per epoch" view={view} runs={runs} />}
      </>
    );
  if (runs.length === 0) return null;
  if (view.kind === 'boundary') return <BoundaryGrid runs={runs} at={view.epoch ?? 'last'} />;
  if (view.kind === 'histograms') return <Histograms view={view} runs={runs} />;
  if (view.kind === 'byDepth')
    return (
      <ChartBox
        title={`${view.metric === 'actStd' ? 'Standard deviation of each layer’s outputs' : view.metric === 'weightNorm' ? 'Weight norm of each layer' : 'Gradient norm of each layer'}, after the first epoch${view.log ? ' (log scale)' : ''}`}
        testId="lesson-chart"
        height={280}
        points={runs.length}
        toggles
        option={(theme) => byDepthOption(theme, runs, view)}
        deps={[runs, view]}
      />
    );
  return <Curves title={TITLES[view.kind]} view={view} runs={runs} />;
}

function Curves({ title, view, runs }: { title: string; view: LessonView; runs: LabelledRun[] }) {
  return (
    <ChartBox
      title={title}
      testId="lesson-chart"
      height={280}
      points={runs.length}
      toggles
      option={(theme) => curvesOption(theme, runs, view)}
      deps={[runs, view]}
    />
  );
}

function Histograms({ view, runs }: { view: LessonView; runs: LabelledRun[] }) {
  const nodes = useMemo(() => view.nodes ?? [], [view.nodes]);
  const at = view.epoch ?? 'last';
  const histograms = useMemo(
    () =>
      runs.flatMap(({ label, run }): RunHistograms[] => {
        const h = activationHistograms(run, nodes, at);
        return h && h.layers.length ? [{ label, layers: h.layers }] : [];
      }),
    [runs, nodes, at],
  );
  if (histograms.length === 0) return <p className="lesson-view-empty">These runs recorded no activation histograms.</p>;
  return (
    <ChartBox
      title={`Histogram of each layer’s outputs ${at === 'first' ? 'after the first epoch' : 'at the end'}, input (top) to output (bottom)`}
      testId="lesson-histograms"
      height={histogramGridHeight(nodes.length)}
      points={histograms.length}
      option={(theme) => histogramGridOption(theme, histograms, nodes)}
      deps={[histograms, nodes]}
    />
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
