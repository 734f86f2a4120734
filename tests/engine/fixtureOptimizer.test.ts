// Adding an optimizer is one registration: a fixture optimizer appears in the CLI's help, in
// validation (its own limits, named by field) and in the Training panel's options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import './setup';
import { optimizerRegistry, registerOptimizer } from '../../src-engine/optim';
import { lrSpec } from '../../src-engine/optim/paramSpecs';
import { SgdOptimizer } from '../../src-engine/optim/sgd';
import { validateGraph } from '../../src-engine/graph/validate';
import { describeIssue } from '../../src-shared/graphFormat';
import { commands } from '../../src-cli/commands';
import { commandHelp } from '../../src-cli/help';
import { TrainingPanel } from '../../src-renderer/panels/TrainingPanel';
import { chain } from './graphs';

const xorInfo = { task: 'classification' as const, inputShape: [2], targetShape: [1], classCount: 2 };

beforeAll(() => {
  registerOptimizer(
    'fixture_sign',
    'Fixture sign descent',
    'A fixture for the registry test: plain descent with its own damping setting.',
    [
      lrSpec(0.02),
      {
        kind: 'number',
        name: 'damping',
        label: 'Damping',
        default: 0.5,
        min: 0,
        max: 1,
        description: 'How much of each step is kept (a fixture setting).',
      },
    ],
    (_values, common) => new SgdOptimizer(common),
  );
});
afterAll(() => optimizerRegistry.unregister('fixture_sign'));

describe('a registered optimizer appears everywhere', () => {
  it('in the CLI help', () => {
    expect(commandHelp(commands().find((c) => c.name === 'train')!)).toMatch(
      /--optimizer NAME\s+update rule:[^-]*\bfixture_sign\b/,
    );
  });

  it('in validation: accepted by name, its own limits checked and named', () => {
    const graph = (optimizer: Record<string, unknown>) =>
      chain(
        [
          ['in', 'Input'],
          ['out', 'Dense', { units: 2 }],
        ],
        { optimizer: optimizer as { name: string; lr: number } },
      );
    expect(validateGraph(graph({ name: 'fixture_sign', lr: 0.1, damping: 0.3 }), xorInfo).ok).toBe(true);
    const bad = validateGraph(graph({ name: 'fixture_sign', lr: 0.1, damping: 3 }), xorInfo);
    expect(bad.ok ? [] : bad.issues.map(describeIssue)).toEqual(['training.optimizer.damping: Damping must be at most 1, got 3']);
    const unknown = validateGraph(graph({ name: 'nope', lr: 0.1 }), xorInfo);
    expect(unknown.ok ? '' : describeIssue(unknown.issues[0])).toMatch(/unknown optimizer "nope" \(known: .*fixture_sign/);
  });

  it("in the Training panel's options", () => {
    expect(renderToStaticMarkup(createElement(TrainingPanel))).toContain(
      '<option value="fixture_sign">Fixture sign descent</option>',
    );
  });
});
