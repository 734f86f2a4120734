// What a lesson's views draw beyond the epoch metrics: the insight events they need from each run
// (activation histograms, the decision boundary) and how to pick them out of a run.
import type { Lesson, LessonView } from '../../src-shared/lessonFormat';
import type { HistogramData, InsightEvent } from '../../src-shared/engineEvents';
import type { InsightRequest } from '../../src-shared/api';
import type { LessonRun } from './runData';

export type BoundaryGrid = NonNullable<InsightEvent['boundary']>;

/** The lesson's views, the main one first. */
export function lessonViews(lesson: Lesson): LessonView[] {
  return [lesson.view, ...(lesson.extraViews ?? [])];
}

/** The per-epoch insights the lesson's views draw from, or undefined when they need none. */
export function lessonInsightRequest(lesson: Lesson): InsightRequest | undefined {
  const kinds = lessonViews(lesson).map((v) => v.kind);
  const histograms = kinds.includes('histograms');
  const boundary = kinds.includes('boundary');
  return histograms || boundary ? { ...(histograms ? { histograms } : {}), ...(boundary ? { boundary } : {}) } : undefined;
}

/** The insight event of the run's first or last epoch that carries `what`. */
function insightAt(run: LessonRun, what: 'histograms' | 'boundary', at: 'first' | 'last'): InsightEvent | undefined {
  const carrying = (run.insights ?? []).filter((e) => e[what] !== undefined);
  return at === 'first' ? carrying[0] : carrying[carrying.length - 1];
}

/** Each listed layer's activation histogram on the probe batch (missing layers left out). */
export function activationHistograms(
  run: LessonRun,
  nodes: readonly string[],
  at: 'first' | 'last' = 'last',
): { epoch: number; layers: Array<{ node: string; histogram: HistogramData }> } | undefined {
  const event = insightAt(run, 'histograms', at);
  if (!event?.histograms) return undefined;
  const layers = nodes.flatMap((node) => {
    const histogram = event.histograms![node]?.activations;
    return histogram ? [{ node, histogram }] : [];
  });
  return { epoch: event.epoch, layers };
}

/** The decision boundary over the input plane after the first or last epoch (2-D inputs only). */
export function runBoundary(run: LessonRun, at: 'first' | 'last' = 'last'): { epoch: number; grid: BoundaryGrid } | undefined {
  const event = insightAt(run, 'boundary', at);
  return event?.boundary ? { epoch: event.epoch, grid: event.boundary } : undefined;
}
