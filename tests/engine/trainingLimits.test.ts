// One rule set: every limit the engine enforces when it builds a run (optimizer, schedule,
// initializer and loop settings) is found by validateGraph first, with the field named.
import { describe, expect, it } from 'vitest';
import './setup';
import { validateGraph, type DatasetInfo } from '../../src-engine/graph/validate';
import { createOptimizer, listOptimizers } from '../../src-engine/optim';
import { initialValues, listInitializers } from '../../src-engine/init';
import { Rng } from '../../src-engine/core/rng';
import { describeIssue, type GraphDoc } from '../../src-shared/graphFormat';
import { chain } from './graphs';

const xorInfo: DatasetInfo = { task: 'classification', inputShape: [2], targetShape: [1], classCount: 2 };

function xorWith(training: Partial<GraphDoc['training']>): GraphDoc {
  return chain(
    [
      ['in', 'Input'],
      ['h', 'Dense', { units: 4 }],
      ['out', 'Dense', { units: 2 }],
    ],
    training,
  );
}

function issuesOf(doc: GraphDoc): string[] {
  const v = validateGraph(doc, xorInfo);
  return v.ok ? [] : v.issues.map(describeIssue);
}

describe('training settings are checked by the rules the engine uses', () => {
  it.each([
    ['lr 1e6', { name: 'adam', lr: 1e6 }, /^training\.optimizer\.lr: Learning rate must be at most 10, got 1000000$/],
    ['lr 20', { name: 'sgd', lr: 20 }, /^training\.optimizer\.lr: Learning rate must be at most 10, got 20$/],
    [
      'momentum 1',
      { name: 'momentum', lr: 0.1, momentum: 1 },
      /^training\.optimizer\.momentum: Momentum must be below 1, got 1$/,
    ],
    ['Adam eps 2', { name: 'adam', lr: 0.01, eps: 2 }, /^training\.optimizer\.eps: Epsilon must be at most 1, got 2$/],
    ['a negative lr', { name: 'adam', lr: -1 }, /^training\.optimizer\.lr: Learning rate must be above 0/],
    [
      'a schedule gamma of 3',
      { name: 'sgd', lr: 0.1, schedule: { type: 'exponential', gamma: 3 } },
      /^training\.optimizer\.schedule\.gamma: Gamma must be at most 1/,
    ],
  ] as const)('refuses %s, naming the field', (_what, optimizer, message) => {
    const doc = xorWith({ optimizer: optimizer as GraphDoc['training']['optimizer'] });
    expect(issuesOf(doc)).toEqual([expect.stringMatching(message)]);
    // The engine would refuse the same settings: validation and the engine agree.
    expect(() => createOptimizer(doc.training.optimizer)).toThrow();
  });

  it('ignores settings of other optimizers, as the engine does', () => {
    expect(issuesOf(xorWith({ optimizer: { name: 'adam', lr: 0.01, momentum: 5 } }))).toEqual([]);
  });

  it("checks the default initializer's settings by its declaration", () => {
    const doc = xorWith({ initializer: 'normal', initializerOptions: { std: -0.5 } });
    expect(issuesOf(doc)).toEqual(['training.initializerOptions.std: Standard deviation must be above 0, got -0.5']);
    expect(() => initialValues('normal', [2, 2], { fanIn: 2, fanOut: 2, rng: new Rng(1) }, { std: -0.5 })).toThrow(
      /Standard deviation must be above 0/,
    );
    // Another initializer's option is not this one's business.
    expect(issuesOf(xorWith({ initializer: 'he_normal', initializerOptions: { std: -0.5 } }))).toEqual([]);
  });

  it('checks the loop settings (epochs, batch size, validation split, seed)', () => {
    expect(issuesOf(xorWith({ epochs: 0, batchSize: 2.5, validationSplit: 0.95, seed: -1 }))).toEqual([
      'training.epochs: Epochs must be at least 1, got 0',
      'training.batchSize: Batch size must be a whole number, got 2.5',
      'training.validationSplit: Validation split must be at most 0.9, got 0.95',
      'training.seed: Seed must be at least 0, got -1',
    ]);
  });

  it('declares every optimizer, schedule and initializer setting once, with a label and help', () => {
    const specs = [...listOptimizers().flatMap((o) => o.params), ...listInitializers().flatMap((i) => i.params)];
    for (const s of specs) {
      expect(s.label.length, s.name).toBeGreaterThan(0);
      expect(s.description.length, s.name).toBeGreaterThan(10);
    }
    expect(
      listInitializers()
        .find((i) => i.name === 'orthogonal')
        ?.params.map((p) => p.name),
    ).toEqual(['gain']);
  });
});
