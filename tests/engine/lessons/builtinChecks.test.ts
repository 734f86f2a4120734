// Every built-in lesson's check holds on the student's own run, for seeds 1–5, on the CPU: the
// claims the Lessons screen makes are pinned here (engine-side, the runs the app would store).
import { describe, expect, it } from 'vitest';
import '../setup';
import { listBuiltinLessons } from '../../../src-engine/lessons';
import { runLesson } from '../../../src-engine/lessons/runLesson';
import { loadGraphDataset } from '../../../src-engine/hosts/node/runJob/datasetLoad';

const lessons = listBuiltinLessons();

describe('built-in lessons', () => {
  it('ship at least the 16 lessons of the course, in order, with unique ids', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(16);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(lessons.map((l) => l.order)).toEqual([...lessons.map((l) => l.order)].sort((a, b) => a! - b!));
  });

  it('explain one idea each in 150–300 words', () => {
    for (const lesson of lessons) {
      const words = lesson.explanation
        .replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$/g, ' formula ')
        .split(/\s+/)
        .filter(Boolean).length;
      expect(words, lesson.id).toBeGreaterThanOrEqual(150);
      expect(words, lesson.id).toBeLessThanOrEqual(300);
    }
  });

  // One test per seed: each runs within the test timeout on its own, also for the longer lessons (sequences).
  for (const lesson of lessons) {
    for (const seed of [1, 2, 3, 4, 5]) {
      it(`${lesson.order}. ${lesson.id}: the check holds for seed ${seed}`, async () => {
        const { outcome } = await runLesson(lesson, { seed, loadDataset: loadGraphDataset });
        const failed = outcome.assertions.filter((a) => !a.held).map((a) => `${a.text}: ${a.value} (${a.expected})`);
        expect(failed, `seed ${seed}`).toEqual([]);
        expect(outcome.held).toBe(true);
        expect(Object.keys(outcome.measured).length).toBeGreaterThanOrEqual(lesson.check.assertions.length);
      });
    }
  }
});
