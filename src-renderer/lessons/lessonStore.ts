// The Lessons screen's state: which lesson is open, lesson files a teacher opened, and each
// lesson's latest run: its sweep, the runs' progress and, once they end, the check's outcome.
import { create } from 'zustand';
import { api, errorText } from '../app/api';
import {
  createGeneratedDataset,
  evaluateLesson,
  isGeneratedId,
  lessonInsightRequest,
  lessonNeeds,
  lessonWords,
  lessonRunFromStored,
  listBuiltinLessons,
  parseLesson,
  planLessonRuns,
  type LessonRun,
} from '../../src-engine';
import type { Lesson, LessonOutcome } from '../../src-shared/lessonFormat';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { RunStatus } from '../../src-shared/api';

export interface LessonProgress {
  status: 'running' | 'checking' | 'done' | 'error';
  /** Which question to try next was run (index into the lesson's variations), if any. */
  variation?: number;
  runIds: string[];
  labels: string[];
  finished: number;
  runs?: LessonRun[];
  outcome?: LessonOutcome;
  error?: string;
}

interface LessonState {
  opened: Lesson[];
  selectedId: string;
  progress: Record<string, LessonProgress>;
  select(id: string): void;
  /** Reads a teacher's lesson file; answers the problems, or null when it opened. */
  openFile(text: string, fileName: string): string | null;
  run(lesson: Lesson, variation?: number): Promise<void>;
}

const ENDED: readonly RunStatus[] = ['completed', 'diverged', 'stopped', 'failed', 'interrupted'];

export function allLessons(opened: Lesson[]): Lesson[] {
  return [...listBuiltinLessons(), ...opened];
}

export const useLessonStore = create<LessonState>()((set, get) => ({
  opened: [],
  selectedId: listBuiltinLessons()[0].id,
  progress: {},
  select: (id) => set({ selectedId: id }),
  openFile(text, fileName) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return `${fileName} is not valid JSON: ${errorText(e)}`;
    }
    const parsed = parseLesson(value);
    if (!parsed.ok) return `${fileName}: ${parsed.errors.join('; ')}`;
    const lesson = parsed.lesson;
    if (listBuiltinLessons().some((l) => l.id === lesson.id))
      return `${fileName}: lesson "${lesson.id}" has the id of a built-in lesson; give it its own id`;
    set((s) => ({ opened: [...s.opened.filter((l) => l.id !== lesson.id), lesson], selectedId: lesson.id }));
    return null;
  },
  async run(lesson, variation) {
    const update = (patch: Partial<LessonProgress>) =>
      set((s) => ({ progress: { ...s.progress, [lesson.id]: { ...s.progress[lesson.id]!, ...patch } } }));
    const v = variation === undefined ? undefined : lesson.variations[variation];
    set((s) => ({
      progress: {
        ...s.progress,
        [lesson.id]: {
          status: 'running',
          ...(variation !== undefined ? { variation } : {}),
          runIds: [],
          labels: [],
          finished: 0,
        },
      },
    }));
    try {
      const plans = planLessonRuns(
        lesson,
        v ? { variation: { set: v.set, ...(v.variants ? { variants: v.variants } : {}) } } : {},
      );
      if (plans.length === 0) {
        update({ status: 'done', runs: [], outcome: evaluateLesson(lesson, []) });
        return;
      }
      const name = v ? `${lesson.title} (${v.question})`.slice(0, 200) : lesson.title;
      const { runIds } = await api().sweeps.startVariants(
        plans.map((p) => ({ label: p.label, graph: p.graph })),
        { name },
      );
      update({ runIds, labels: plans.map((p) => p.label) });
      await waitForEnd(runIds, (finished) => update({ finished }));
      update({ status: 'checking', finished: runIds.length });
      const needs = lessonNeeds(lesson);
      // The sweep records histograms and boundaries for every run; they are read only when a view draws them.
      const views = lessonInsightRequest(lesson);
      const runs = await Promise.all(
        runIds.map(async (id, i) => {
          const [detail, metrics, initial, final, insights] = await Promise.all([
            api().runs.get(id),
            api().runs.metrics(id),
            api().runs.checkpoint(id, 'initial'),
            api().runs.checkpoint(id, 'final'),
            views ? api().inspect.insights(id) : undefined,
          ]);
          const run = lessonRunFromStored(plans[i].variant, {
            status: detail.status,
            metrics,
            initial,
            final,
            ...(insights ? { insights } : {}),
          });
          if (needs.inputs || views?.boundary) run.inputs = trainingInputs(plans[i].graph);
          return run;
        }),
      );
      if (get().progress[lesson.id]?.runIds !== runIds) return;
      update({ status: 'done', runs, outcome: evaluateLesson(lesson, runs) });
    } catch (e) {
      update({ status: 'error', error: errorText(e) });
    }
  },
}));

/** Resolves when every run has ended, from the pushed status updates (and one look at each, for runs that ended first). */
function waitForEnd(runIds: string[], onProgress: (finished: number) => void): Promise<void> {
  const ended = new Set<string>();
  return new Promise((resolve) => {
    const mark = (id: string, status: RunStatus) => {
      if (!ENDED.includes(status) || ended.has(id)) return;
      ended.add(id);
      onProgress(ended.size);
      if (ended.size === runIds.length) {
        off();
        resolve();
      }
    };
    const off = api().onRunUpdate((u) => {
      if (u.kind === 'status' && runIds.includes(u.runId)) mark(u.runId, u.status);
    });
    for (const id of runIds)
      void api()
        .runs.get(id)
        .then(
          (d) => mark(id, d.status),
          () => undefined,
        );
  });
}

/** The training inputs of a generated dataset, rebuilt from the graph exactly as the engine loads them. */
function trainingInputs(graph: GraphDoc): LessonRun['inputs'] {
  const t = graph.training;
  if (!isGeneratedId(t.dataset)) return undefined;
  const o = t.datasetOptions ?? {};
  const ds = createGeneratedDataset(t.dataset, {
    ...(o.samples !== undefined ? { samples: o.samples } : {}),
    ...(o.noise !== undefined ? { noise: o.noise } : {}),
    seed: o.seed ?? t.seed,
  });
  return {
    x: ds.x,
    features: ds.x.length / ds.count,
    count: ds.count,
    labels: ds.y,
    ...lessonWords(ds),
  };
}
