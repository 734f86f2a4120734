// Sequence-aware shape inference: shapes through Embedding and recurrent layers, and errors that
// say which setting or layer fixes a mismatch.
import { describe, expect, it } from 'vitest';
import '../setup';
import { validateGraph, type DatasetInfo } from '../../../src-engine/graph/validate';
import { describeIssue } from '../../../src-shared/graphFormat';
import { sequenceChain } from './helpers';

const adding: DatasetInfo = { task: 'regression', inputShape: [50, 2], targetShape: [1] };
const names: DatasetInfo = { task: 'classification', inputShape: [8], targetShape: [1], classCount: 28 };
const regression = { dataset: 'adding', loss: 'mse' };
const classification = { dataset: 'names', loss: 'cross_entropy' };

function issues(nodes: Parameters<typeof sequenceChain>[0], info: DatasetInfo, training = regression): string[] {
  const v = validateGraph(sequenceChain(nodes, training), info);
  return v.ok ? [] : v.issues.map(describeIssue);
}

describe('shapes through sequence layers', () => {
  it('Embedding → stacked LSTM → GRU → Dense: [8] → [8, 16] → [8, 32] → [24] → [28]', () => {
    const v = validateGraph(
      sequenceChain(
        [
          ['in', 'Input'],
          ['emb', 'Embedding', { vocabSize: 28, dimension: 16 }],
          ['l1', 'LSTM', { units: 32, returnSequences: true }],
          ['g', 'GRU', { units: 24 }],
          ['out', 'Dense', { units: 28 }],
        ],
        classification,
      ),
      names,
    );
    expect(v.shapes).toEqual({ in: [8], emb: [8, 16], l1: [8, 32], g: [24], out: [28] });
    expect(v.ok).toBe(true);
  });

  it('returnSequences + Flatten, and SliceSteps of the last step, both reach Dense', () => {
    const flat = validateGraph(
      sequenceChain(
        [
          ['in', 'Input'],
          ['r', 'SimpleRNN', { units: 4, returnSequences: true }],
          ['f', 'Flatten'],
          ['out', 'Dense', { units: 1 }],
        ],
        regression,
      ),
      adding,
    );
    expect(flat.shapes).toMatchObject({ r: [50, 4], f: [200], out: [1] });
    const last = validateGraph(
      sequenceChain(
        [
          ['in', 'Input'],
          ['r', 'LSTM', { units: 4, returnSequences: true }],
          ['s', 'SliceSteps', { start: -1 }],
          ['f', 'Flatten'],
          ['out', 'Dense', { units: 1 }],
        ],
        regression,
      ),
      adding,
    );
    expect(last.shapes).toMatchObject({ r: [50, 4], s: [1, 4], f: [4], out: [1] });
    expect(last.ok && flat.ok).toBe(true);
  });
});

describe('shape errors name the fix', () => {
  it('Dense after a whole sequence says to flatten it', () => {
    const found = issues(
      [
        ['in', 'Input'],
        ['r', 'LSTM', { units: 4, returnSequences: true }],
        ['out', 'Dense', { units: 1 }],
      ],
      adding,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^node "out": Dense needs a flat input but receives \[50, 4\].*Flatten/);
  });

  it('a recurrent layer after one that returns only its last state says to set returnSequences', () => {
    const found = issues(
      [
        ['in', 'Input'],
        ['a', 'LSTM', { units: 4 }],
        ['b', 'GRU', { units: 4 }],
        ['out', 'Dense', { units: 1 }],
      ],
      adding,
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^node "b": GRU needs a sequence \[steps, features\] but receives \[4\]: .*set returnSequences to true/,
      ),
    ]);
  });

  it('token ids straight into a recurrent layer suggest an Embedding (or a Reshape for one value per step)', () => {
    const found = issues(
      [
        ['in', 'Input'],
        ['r', 'SimpleRNN', { units: 4 }],
        ['out', 'Dense', { units: 28 }],
      ],
      names,
      classification,
    );
    expect(found[0]).toMatch(
      /^node "r": SimpleRNN needs a sequence .* receives \[8\]: .*add an Embedding first; for one value per step add a Reshape to \[8, 1\]/,
    );
  });

  it('an image into a recurrent layer suggests reading it row by row', () => {
    const image: DatasetInfo = { task: 'classification', inputShape: [28, 28, 1], targetShape: [1], classCount: 10 };
    const found = issues(
      [
        ['in', 'Input'],
        ['r', 'LSTM', { units: 4 }],
        ['out', 'Dense', { units: 10 }],
      ],
      image,
      { dataset: 'mnist', loss: 'cross_entropy' },
    );
    expect(found[0]).toMatch(/receives \[28, 28, 1\] \(an image\): add a Reshape to \[28, 28\]/);
  });

  it('Embedding needs token ids [steps], and SliceSteps stays inside the sequence', () => {
    expect(
      issues(
        [
          ['in', 'Input'],
          ['e', 'Embedding', { vocabSize: 5, dimension: 2 }],
          ['f', 'Flatten'],
          ['out', 'Dense', { units: 1 }],
        ],
        adding,
      )[0],
    ).toMatch(
      /^node "e": Embedding needs token ids \[steps\] but receives \[50, 2\] \(it looks like a sequence of vectors already/,
    );
    expect(
      issues(
        [
          ['in', 'Input'],
          ['s', 'SliceSteps', { start: 49, length: 2 }],
          ['f', 'Flatten'],
          ['out', 'Dense', { units: 1 }],
        ],
        adding,
      )[0],
    ).toMatch(/^node "s": SliceSteps takes steps 49 to 50, but the sequence has 50 steps/);
  });

  it('Dot needs two inputs of one shape', () => {
    const doc = sequenceChain(
      [
        ['in', 'Input'],
        ['a', 'SliceSteps', { start: 0, length: 1 }],
        ['b', 'SliceSteps', { start: 0, length: 2 }],
        ['d', 'Dot'],
      ],
      classification,
    );
    doc.edges = [
      { source: 'in', target: 'a' },
      { source: 'in', target: 'b' },
      { source: 'a', target: 'd' },
      { source: 'b', target: 'd' },
    ];
    const v = validateGraph(doc, { task: 'classification', inputShape: [3], targetShape: [1], classCount: 2 });
    expect(v.ok ? [] : v.issues.map(describeIssue)).toContain('node "d": Dot needs two inputs of one shape, got [1] and [2]');
  });

  it('recurrent settings are checked like any other', () => {
    expect(
      issues(
        [
          ['in', 'Input'],
          ['r', 'LSTM', { units: 4, initialState: 'random' }],
          ['out', 'Dense', { units: 1 }],
        ],
        adding,
      )[0],
    ).toMatch(/^node "r" \(params.initialState\): Initial state must be one of zeros, learned/);
    expect(
      issues(
        [
          ['in', 'Input'],
          ['r', 'GRU', { units: 4, recurrentInitializer: 'eye' }],
          ['out', 'Dense', { units: 1 }],
        ],
        adding,
      )[0],
    ).toMatch(/recurrentInitializer.*unknown initializer "eye"/);
  });
});
