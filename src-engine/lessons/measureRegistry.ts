// The check kinds: each measures one number on a run (or on none), by name, with the parameters a
// lesson file gives it. The app, the CLI and the tests evaluate checks through this one registry.
import type { LessonMeasure } from '../../src-shared/lessonFormat';
import type { LessonRun } from './runData';

export interface MeasureDef {
  kind: string;
  description: string;
  /** false for measures computed without a run (the gradient check, the optimizer lab). */
  needsRun: boolean;
  /** Extra run data the measure reads: training inputs, or every step's loss. */
  needs?: 'inputs' | 'steps';
  /** Short name of the measured number with these parameters, e.g. `finalTrainAcc`. */
  name(params: LessonMeasure): string;
  /** The number, or null when the run lacks what it needs (no such node, no checkpoint). */
  measure(run: LessonRun | undefined, params: LessonMeasure): number | null;
}

const measures = new Map<string, MeasureDef>();

export function registerMeasure(def: MeasureDef): void {
  if (measures.has(def.kind)) throw new Error(`measure ${def.kind} registered twice`);
  measures.set(def.kind, def);
}

export function getMeasure(kind: string): MeasureDef | undefined {
  return measures.get(kind);
}

export function listMeasures(): MeasureDef[] {
  return [...measures.values()];
}

/** A measure's string or string-list parameter, or an error naming it. */
export function stringParam(params: LessonMeasure, key: string): string {
  const v = params[key];
  if (typeof v !== 'string') throw new Error(`measure "${params.kind}" needs "${key}" (a string)`);
  return v;
}

export function optionalNumber(params: LessonMeasure, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' ? v : fallback;
}

export function stringList(params: LessonMeasure, key: string): string[] {
  const v = params[key];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string') || v.length < 2)
    throw new Error(`measure "${params.kind}" needs "${key}" (two or more node ids)`);
  return v as string[];
}
