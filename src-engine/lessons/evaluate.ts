// Evaluates a lesson's check on its runs: every assertion measured, compared and reported with
// the numbers, so the student sees what held and by how much.
import type { Lesson, LessonAssertion, LessonOutcome } from '../../src-shared/lessonFormat';
import { getMeasure } from './measureRegistry';
import type { LessonRun } from './runData';
import './metricMeasures';
import './weightMeasures';
import './labMeasures';
import './embeddingMeasures';

export function evaluateLesson(lesson: Lesson, runs: LessonRun[]): LessonOutcome {
  const byVariant = new Map(runs.map((r) => [r.variant, r]));
  const measured: Record<string, number> = {};
  const assertions = lesson.check.assertions.map((a) => {
    const value = assertionValue(a, byVariant, measured);
    return { text: a.text, held: value !== null && compare(a, value), value, expected: expectation(a) };
  });
  const held = assertions.every((a) => a.held);
  return { id: lesson.id, held, claim: lesson.check.claim, measured, assertions, ...(held ? {} : { why: lesson.check.ifNot }) };
}

function measureOn(
  a: LessonAssertion,
  variant: string | undefined,
  runs: Map<string, LessonRun>,
  measured: Record<string, number>,
): number | null {
  const def = getMeasure(a.measure.kind);
  if (!def) throw new Error(`unknown measure "${a.measure.kind}"`);
  const run = variant === undefined ? undefined : runs.get(variant);
  const value = def.needsRun && !run ? null : def.measure(run, a.measure);
  const key = variant === undefined ? def.name(a.measure) : `${variant}.${def.name(a.measure)}`;
  if (value !== null) measured[key] = value;
  return value;
}

function assertionValue(a: LessonAssertion, runs: Map<string, LessonRun>, measured: Record<string, number>): number | null {
  const value = measureOn(a, a.variant, runs, measured);
  if (!a.relativeTo || value === null) return value;
  const other = measureOn(a, a.relativeTo.variant, runs, measured);
  if (other === null) return null;
  return a.relativeTo.as === 'ratio' ? value / other : value - other;
}

function compare(a: LessonAssertion, v: number): boolean {
  if (Number.isNaN(v)) return false;
  const x = a.value ?? 0;
  switch (a.op) {
    case '<':
      return v < x;
    case '<=':
      return v <= x;
    case '>':
      return v > x;
    case '>=':
      return v >= x;
    case '==':
      return Math.abs(v - x) <= 1e-12 * Math.max(1, Math.abs(x));
    case 'between':
      return v >= (a.min ?? -Infinity) && v <= (a.max ?? Infinity);
  }
}

/** "≥ 1", "between 0.5 and 2", with the ratio/difference named. */
export function expectation(a: LessonAssertion): string {
  const what = a.relativeTo ? `${a.relativeTo.as} to ${a.relativeTo.variant} ` : '';
  if (a.op === 'between') return `${what}between ${a.min ?? '−∞'} and ${a.max ?? '∞'}`;
  const sign = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=' }[a.op];
  return `${what}${sign} ${a.value ?? 0}`;
}

/** Whether any assertion needs the runs' training inputs or every step's loss. */
export function lessonNeeds(lesson: Lesson): { inputs: boolean; steps: boolean } {
  const needs = lesson.check.assertions.map((a) => getMeasure(a.measure.kind)?.needs);
  return { inputs: needs.includes('inputs'), steps: needs.includes('steps') };
}
