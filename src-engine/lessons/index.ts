// Lessons: guided experiments as data, the check kinds that judge them, and their runner.
import type { Lesson } from '../../src-shared/lessonFormat';
import { BUILTIN_LESSONS } from './builtin';
import { parseLesson } from './parse';

export { parseLesson, type LessonParse } from './parse';
export { evaluateLesson, expectation, lessonNeeds } from './evaluate';
export { planLessonRuns, applySettings, LessonSetupError, type LessonRunPlan, type PlanOptions } from './variants';
export { listMeasures, getMeasure, type MeasureDef } from './measureRegistry';
export { LESSON_LAYERS, lessonLayer } from './brokenLayers';
export { lessonLayerGradError } from './labMeasures';
export type { LessonRun, LessonEpoch, NamedTensor } from './runData';
export { wordsOf as lessonWords } from './runLesson';
export { lessonViews, lessonInsightRequest, activationHistograms, runBoundary, type BoundaryGrid } from './viewData';

let builtins: Lesson[] | null = null;

/** The built-in lessons, parsed once (a broken built-in is a programmer error). */
export function listBuiltinLessons(): Lesson[] {
  builtins ??= BUILTIN_LESSONS.map((input) => {
    const parsed = parseLesson(input);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    return parsed.lesson;
  });
  return builtins;
}

export function getBuiltinLesson(id: string): Lesson | undefined {
  return listBuiltinLessons().find((l) => l.id === id);
}
export { lessonRunFromStored, type StoredRun } from './storedRun';
