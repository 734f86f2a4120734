// The lesson format and its check kinds on hand-made run data: settings paths, reference errors
// that name their place, and measures computed from the numbers a stored run holds.
import { describe, expect, it } from 'vitest';
import { evaluateLesson, getBuiltinLesson, parseLesson, planLessonRuns, type LessonRun } from '../../../src-engine/lessons';
import type { Lesson } from '../../../src-shared/lessonFormat';

const symmetry = getBuiltinLesson('symmetry')!;

function run(variant: string, patch: Partial<LessonRun>): LessonRun {
  return { variant, status: 'completed', epochs: [], steps: [], checkpoints: {}, ...patch };
}

describe('lesson setup', () => {
  it('applies each variant’s settings by path, nodes by id, and the seed to every run', () => {
    const plans = planLessonRuns(getBuiltinLesson('dying-relu')!, {
      seed: 4,
      variation: { set: { 'nodes.hidden.params.activation': 'leaky_relu' }, variants: ['high'] },
    });
    expect(plans.map((p) => p.variant)).toEqual(['moderate', 'high']);
    expect(plans[1].graph.training.optimizer.lr).toBe(5);
    expect(plans[0].graph.training.optimizer.lr).toBe(0.05);
    expect(plans.map((p) => p.graph.training.seed)).toEqual([4, 4]);
    expect(plans[1].graph.nodes.find((n) => n.id === 'hidden')!.params!.activation).toBe('leaky_relu');
    expect(plans[0].graph.nodes.find((n) => n.id === 'hidden')!.params!.activation).toBe('relu');
  });

  it('names the lesson, variant and path of a setting on a missing node', () => {
    expect(() => planLessonRuns(symmetry, { variation: { set: { 'nodes.nope.params.units': 3 } } })).toThrow(
      'lesson "symmetry" variant "zeros" (variation) (set "nodes.nope.params.units"): the graph has no node "nope"',
    );
  });
});

describe('lesson files', () => {
  it('round-trips a built-in lesson through JSON', () => {
    const parsed = parseLesson(JSON.parse(JSON.stringify(symmetry)));
    expect(parsed.ok && parsed.lesson).toEqual(symmetry);
  });

  it('names the field of a schema error and of a bad reference', () => {
    const doc = JSON.parse(JSON.stringify(symmetry)) as Lesson;
    const noTitle = { ...doc, title: undefined };
    const r1 = parseLesson(noTitle);
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.errors[0]).toMatch(/^lesson "symmetry" \(title\): /);
    doc.check.assertions[0].variant = 'ones';
    doc.check.assertions[1].measure.kind = 'vibes';
    const r2 = parseLesson(doc);
    expect(!r2.ok && r2.errors).toEqual([
      'lesson "symmetry" (check.assertions.0.variant): there is no variant "ones" (variants: zeros, constant, random)',
      expect.stringMatching(
        /^lesson "symmetry" \(check\.assertions\.1\.measure\.kind\): unknown measure "vibes" \(known: final, /,
      ),
    ]);
  });
});

describe('check kinds', () => {
  const kernel = (node: string, rows: number[][]) => ({
    name: `${node}.kernel`,
    shape: [rows.length, rows[0].length],
    data: rows.flat(),
  });

  it('unitSpread is the largest difference between two units’ incoming weights', () => {
    const runs = [
      run('zeros', {
        checkpoints: {
          final: [
            kernel('hidden1', [
              [0.5, 0.5],
              [-1, -1],
            ]),
          ],
        },
      }),
      run('constant', {
        checkpoints: {
          final: [
            kernel('hidden1', [
              [0.2, 0.2],
              [0.3, 0.3],
            ]),
          ],
        },
      }),
      run('random', {
        checkpoints: {
          final: [
            kernel('hidden1', [
              [0.5, 0.1],
              [-1, 0.2],
            ]),
          ],
        },
      }),
    ];
    const outcome = evaluateLesson(symmetry, runs);
    expect(outcome.held).toBe(true);
    expect(outcome.measured['random.unitSpread hidden1']).toBeCloseTo(1.2, 12);
    runs[0].checkpoints.final = [
      kernel('hidden1', [
        [0.5, 0.5000001],
        [-1, -1],
      ]),
    ];
    const broken = evaluateLesson(symmetry, runs);
    expect(broken.held).toBe(false);
    expect(broken.why).toBe(symmetry.check.ifNot);
    expect(broken.assertions[0]).toMatchObject({ held: false, expected: '= 0' });
  });

  it('a missing run or checkpoint is not measured, and the claim does not hold', () => {
    const outcome = evaluateLesson(symmetry, [run('zeros', {})]);
    expect(outcome.held).toBe(false);
    expect(outcome.assertions.map((a) => a.value)).toEqual([null, null, null]);
  });

  it('sameSignUnits, deadUnits, gradNormDrop and stepLossVariance read the stored numbers', () => {
    const lesson: Lesson = {
      ...symmetry,
      check: {
        claim: 'c',
        ifNot: 'w',
        assertions: [
          { text: 'signs', variant: 'a', measure: { kind: 'sameSignUnits', node: 'h' }, op: '==', value: 0.5 },
          { text: 'dead', variant: 'a', measure: { kind: 'deadUnits', node: 'h' }, op: '==', value: 0.5 },
          { text: 'drop', variant: 'a', measure: { kind: 'gradNormDrop', nodes: ['d1', 'd2', 'd3'] }, op: '==', value: 100 },
          { text: 'noise', variant: 'a', measure: { kind: 'stepLossVariance' }, op: '==', value: 1 },
          { text: 'diverged loss', variant: 'b', measure: { kind: 'final', metric: 'trainLoss' }, op: '>', value: 1e308 },
        ],
      },
      setup: {
        ...symmetry.setup,
        variants: [
          { id: 'a', label: 'a' },
          { id: 'b', label: 'b' },
        ],
      },
    };
    const diag = (gradNorm: number) => ({ gradNorm, actMean: 0, actStd: 1 });
    const a = run('a', {
      // Unit 0 moved +, + (same sign); unit 1 moved +, − (mixed).
      checkpoints: {
        initial: [
          kernel('h', [
            [0, 0],
            [0, 0],
          ]),
        ],
        final: [
          kernel('h', [
            [1, 1],
            [2, -1],
          ]),
          { name: 'h.bias', shape: [2], data: [0, -5] },
        ],
      },
      // Inputs (1, 0) and (0, 1): unit 0 fires, unit 1 (bias −5) never does.
      inputs: { x: [1, 0, 0, 1], features: 2, count: 2 },
      epochs: [{ epoch: 1, step: 4, trainLoss: 1, layers: { d1: diag(0.01), d2: diag(0.1), d3: diag(1) } }],
      steps: [
        { step: 1, loss: 1 },
        { step: 2, loss: 3 },
        { step: 3, loss: 2 },
      ],
    });
    const outcome = evaluateLesson(lesson, [a, run('b', { status: 'diverged' })]);
    expect(outcome.assertions.map((x) => [x.text, x.value])).toEqual([
      ['signs', 0.5],
      ['dead', 0.5],
      ['drop', 100],
      ['noise', 1],
      ['diverged loss', Infinity],
    ]);
    expect(outcome.held).toBe(true);
  });
});
