// `lessons`: lists the built-in lessons; `lessons run ID|FILE` trains a lesson's runs and checks
// its claim; `lessons export ID` prints a lesson as a JSON file a teacher can edit and share.
import { parseArgs, type FlagSpec } from '../args';
import { CliError } from '../errors';
import { readJsonFile } from '../graphFile';
import { useCpuBackend } from '../../src-engine/hosts/node/cpuEngine';
import { loadGraphDataset } from '../../src-engine/hosts/node/runJob/datasetLoad';
import { getBuiltinLesson, listBuiltinLessons, parseLesson } from '../../src-engine/lessons';
import { runLesson } from '../../src-engine/lessons/runLesson';
import { LessonSetupError } from '../../src-engine/lessons/variants';
import { DatasetError } from '../../src-engine/data/errors';
import type { Lesson, LessonOutcome } from '../../src-shared/lessonFormat';

export const LESSONS_USAGE = `lessons                   list the lessons
  lessons run <ID|lesson.json> [--seed N] [--variation K] [--json]
  lessons export <ID>       print a lesson as JSON (to edit or share)`;

export const lessonsFlags = (): FlagSpec[] => [
  { name: 'json', kind: 'bool', help: 'print JSON' },
  { name: 'seed', kind: 'int', help: 'seed of every run', default: 'the lesson’s' },
  { name: 'variation', kind: 'int', value: 'K', help: 'run the lesson’s K-th question to try next (1-based)', min: 1 },
];

export async function lessonsCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, lessonsFlags());
  const [sub, target, extra] = positional;
  if (extra !== undefined) throw new CliError(`unexpected argument "${extra}"`);
  if (sub === undefined) return list(flags.json === true);
  if (!target) throw new CliError(`usage: ${LESSONS_USAGE}`);
  const lesson = resolveLesson(target);
  if (sub === 'export') {
    process.stdout.write(JSON.stringify(lesson, null, 2) + '\n');
    return 0;
  }
  if (sub !== 'run') throw new CliError(`unknown lessons command "${sub}" (lessons, lessons run, lessons export)`);
  const variation = pickVariation(lesson, flags.variation as number | undefined);
  const backend = useCpuBackend();
  let outcome: LessonOutcome;
  try {
    ({ outcome } = await runLesson(lesson, {
      loadDataset: loadGraphDataset,
      backendName: backend.name,
      ...(flags.seed !== undefined ? { seed: flags.seed as number } : {}),
      ...(variation ? { variation } : {}),
    }));
  } catch (e) {
    if (e instanceof LessonSetupError || e instanceof DatasetError) throw new CliError(e.message);
    throw e;
  }
  // Exit 0 whether or not the claim held: a claim that fails is a result, not an error.
  if (flags.json)
    process.stdout.write(
      JSON.stringify({
        event: 'lesson',
        id: outcome.id,
        held: outcome.held,
        measured: outcome.measured,
        claim: outcome.claim,
        assertions: outcome.assertions,
        ...(outcome.why ? { why: outcome.why } : {}),
      }) + '\n',
    );
  else printOutcome(lesson, outcome);
  return 0;
}

function list(json: boolean): number {
  const lessons = listBuiltinLessons();
  if (json) {
    process.stdout.write(
      JSON.stringify(
        lessons.map((l) => ({ id: l.id, order: l.order, title: l.title, idea: l.idea, runs: l.setup.variants.length })),
      ) + '\n',
    );
    return 0;
  }
  for (const l of lessons) process.stdout.write(`${String(l.order ?? '').padStart(3)}  ${l.id.padEnd(20)}${l.title}\n`);
  return 0;
}

/** A built-in id, or a path to a teacher's lesson file (checked, errors naming the field). */
function resolveLesson(target: string): Lesson {
  const builtin = getBuiltinLesson(target);
  if (builtin) return builtin;
  if (!target.endsWith('.json'))
    throw new CliError(
      `there is no lesson "${target}" (lessons: ${listBuiltinLessons()
        .map((l) => l.id)
        .join(', ')}; or give a lesson .json file)`,
    );
  const parsed = parseLesson(readJsonFile(target));
  if (!parsed.ok) throw new CliError(`${target}: ${parsed.errors.join('; ')}`);
  return parsed.lesson;
}

function pickVariation(lesson: Lesson, k: number | undefined) {
  if (k === undefined) return undefined;
  const v = lesson.variations[k - 1];
  if (!v)
    throw new CliError(
      `lesson "${lesson.id}" has ${lesson.variations.length} variation${lesson.variations.length === 1 ? '' : 's'}; --variation must be 1–${lesson.variations.length}`,
    );
  return { set: v.set, ...(v.variants ? { variants: v.variants } : {}) };
}

function printOutcome(lesson: Lesson, outcome: LessonOutcome): void {
  const lines = [`${lesson.title}`, `Claim: ${outcome.claim}`, ''];
  for (const a of outcome.assertions)
    lines.push(
      `  ${a.held ? '✓' : '✗'} ${a.text}: ${a.value === null ? 'not measured' : formatNumber(a.value)} (want ${a.expected})`,
    );
  lines.push('', outcome.held ? 'The claim held.' : `The claim did not hold. ${outcome.why ?? ''}`);
  process.stdout.write(lines.join('\n') + '\n');
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}
