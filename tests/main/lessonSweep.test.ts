// A lesson in the app: its runs go out as one sweep of explicit graphs through the services and
// real engines, and its check, evaluated on what the store recorded, holds.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import {
  activationHistograms,
  evaluateLesson,
  getBuiltinLesson,
  lessonRunFromStored,
  planLessonRuns,
  runBoundary,
} from '../../src-engine/lessons';

describe('a lesson run as a sweep', () => {
  const app = startTestApp({ engine: 'thread', concurrency: 2 });

  it('records the lesson’s runs as one sweep and its check holds on the stored runs', async () => {
    const lesson = getBuiltinLesson('symmetry')!;
    const plans = planLessonRuns(lesson, { seed: 2 });
    const h = app.services.handlers;
    const { sweepId, runIds } = await h.sweeps.startVariants(
      plans.map((p) => ({ label: p.label, graph: p.graph })),
      { name: lesson.title },
    );
    expect(runIds).toHaveLength(3);
    for (const id of runIds) expect(await app.waitForStatus(id, 'completed', 'failed')).toBe('completed');
    const sweep = (await h.sweeps.list()).find((s) => s.id === sweepId)!;
    expect(sweep.grid).toEqual({ variants: ['zeros', 'constant 0.1', 'Xavier (random)'] });
    const runs = await Promise.all(
      runIds.map(async (id, i) => {
        const [detail, metrics, initial, final] = await Promise.all([
          h.runs.get(id),
          h.runs.metrics(id),
          h.runs.checkpoint(id, 'initial'),
          h.runs.checkpoint(id, 'final'),
        ]);
        expect(detail.name).toBe(`${lesson.title} · ${plans[i].label}`);
        return lessonRunFromStored(plans[i].variant, { status: detail.status, metrics, initial, final });
      }),
    );
    const outcome = evaluateLesson(lesson, runs);
    expect(outcome.assertions.filter((a) => !a.held)).toEqual([]);
    expect(outcome.measured['zeros.unitSpread hidden1']).toBe(0);
  });

  it('stores what the lesson views draw: each run’s decision boundary and activation histograms', async () => {
    const lesson = getBuiltinLesson('linear-stack')!;
    const plans = planLessonRuns(lesson, { seed: 3 });
    const h = app.services.handlers;
    const { runIds } = await h.sweeps.startVariants(plans.map((p) => ({ label: p.label, graph: p.graph })));
    const runs = await Promise.all(
      runIds.map(async (id, i) => {
        expect(await app.waitForStatus(id, 'completed', 'failed')).toBe('completed');
        const [detail, metrics, insights] = await Promise.all([h.runs.get(id), h.runs.metrics(id), h.inspect.insights(id)]);
        return lessonRunFromStored(plans[i].variant, { status: detail.status, metrics, initial: null, final: null, insights });
      }),
    );
    const [linear, tanh] = runs;
    // The boundary of the last epoch, in the data's own plane (XOR's corners, padded by a tenth).
    const last = runBoundary(tanh!)!;
    expect(last.epoch).toBe(plans[1].graph.training.epochs);
    expect(last.grid.xs[0]).toBeCloseTo(-0.1, 5);
    const cornerClass = (grid: typeof last.grid, x: number, y: number) =>
      grid.predicted[y ? grid.ys.length - 1 : 0]![x ? grid.xs.length - 1 : 0]!;
    expect([0, 1, 2, 3].map((k) => cornerClass(last.grid, k & 1, k >> 1))).toEqual([0, 1, 1, 0]);
    expect(runBoundary(linear!, 'first')!.epoch).toBe(1);
    const histograms = activationHistograms(linear!, ['dense1', 'dense2', 'dense3'], 'first')!;
    expect(histograms.layers.map((l) => l.node)).toEqual(['dense1', 'dense2', 'dense3']);
    expect(histograms.layers[0]!.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4 * 8);
  });

  it('refuses a run that cannot train before recording any, naming it', async () => {
    const plans = planLessonRuns(getBuiltinLesson('symmetry')!);
    plans[1].graph.training.loss = 'nope';
    await expect(
      app.services.handlers.sweeps.startVariants(plans.map((p) => ({ label: p.label, graph: p.graph }))),
    ).rejects.toThrow(/the sweep run "constant 0.1"/);
  });
});
