// GlobalAveragePool1D and GlobalMaxPool1D: hand-computed means and maxima over the steps, the
// gradient of each, and shape errors that name the node and say why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import './setup';
import { fill, tensor } from '../../src-engine/core/tensor';
import { backward } from '../../src-engine/core/autograd';
import { Rng } from '../../src-engine/core/rng';
import { getLayer } from '../../src-engine/layers';
import { validateGraph } from '../../src-engine/graph/validate';
import { describeIssue, type GraphDoc } from '../../src-shared/graphFormat';
import { buildLayer, sequenceChain } from './sequence/helpers';

// Two sequences of 3 steps × 2 features.
const x = [
  [1, -2],
  [4, 0.5],
  [-3, 6],

  [0, 0],
  [2, -1],
  [2.5, -4],
];
const mode = { training: false, rng: new Rng(1) };

function run(type: string, params: Record<string, unknown> = {}) {
  const input = tensor(x.flat(), [2, 3, 2]);
  input.requiresGrad = true;
  const out = buildLayer(type, [3, 2], params).forward([input], mode);
  return { input, out };
}

describe('global pooling over steps', () => {
  it('GlobalAveragePool1D gives the mean of each feature: [steps, d] → [d]', () => {
    const { out } = run('GlobalAveragePool1D');
    expect(out.shape).toEqual([2, 2]);
    const expected = [(1 + 4 - 3) / 3, (-2 + 0.5 + 6) / 3, (0 + 2 + 2.5) / 3, (0 - 1 - 4) / 3];
    Array.from(out.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('GlobalMaxPool1D gives the largest value of each feature', () => {
    const { out } = run('GlobalMaxPool1D');
    expect(out.shape).toEqual([2, 2]);
    expect(Array.from(out.dataSync())).toEqual([4, 6, 2.5, 0]);
  });

  it('keepSteps keeps a steps axis of 1: [steps, d] → [1, d]', () => {
    for (const type of ['GlobalAveragePool1D', 'GlobalMaxPool1D']) {
      expect(getLayer(type)!.outputShape([[3, 2]], { keepSteps: true }), type).toEqual([1, 2]);
      expect(run(type, { keepSteps: true }).out.shape, type).toEqual([2, 1, 2]);
    }
  });

  it('the mean spreads the gradient evenly over the steps; the max sends it all to the largest step', () => {
    const avg = run('GlobalAveragePool1D');
    backward(avg.out, fill(avg.out.shape, 1));
    Array.from(avg.input.grad!.dataSync()).forEach((g) => expect(g).toBeCloseTo(1 / 3, 6));
    const max = run('GlobalMaxPool1D');
    backward(max.out, fill(max.out.shape, 1));
    // Largest steps: sample 1 step 1 (feature 0) and step 2 (feature 1); sample 2 steps 2 and 0.
    expect(Array.from(max.input.grad!.dataSync())).toEqual([0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0]);
  });

  it('are listed under Pooling with a one-line description', () => {
    for (const type of ['GlobalAveragePool1D', 'GlobalMaxPool1D']) {
      const def = getLayer(type)!;
      expect(def.category).toBe('Pooling');
      expect(def.description).toMatch(/\[steps, d\] → \[d\]/);
      expect(def.description).not.toMatch(/\n/);
    }
  });
});

describe('shape errors name the node and say why', () => {
  const names = { task: 'classification' as const, inputShape: [8], targetShape: [1], classCount: 28 };
  const training = { dataset: 'names', loss: 'cross_entropy' };

  function issues(nodes: Parameters<typeof sequenceChain>[0]): string[] {
    const v = validateGraph(sequenceChain(nodes, training), names);
    return v.ok ? [] : v.issues.map(describeIssue);
  }

  it('Embedding → GlobalAveragePool1D → Dense infers [8] → [8, 16] → [16] → [28]', () => {
    const v = validateGraph(
      sequenceChain(
        [
          ['in', 'Input'],
          ['emb', 'Embedding', { vocabSize: 28, dimension: 16 }],
          ['pool', 'GlobalAveragePool1D'],
          ['out', 'Dense', { units: 28 }],
        ],
        training,
      ),
      names,
    );
    expect(v.ok ? [] : v.issues).toEqual([]);
    expect(v.shapes).toMatchObject({ emb: [8, 16], pool: [16], out: [28] });
  });

  it('refuses a plain vector: there are no steps to pool over', () => {
    expect(
      issues([
        ['in', 'Input'],
        ['pool', 'GlobalMaxPool1D'],
        ['out', 'Dense', { units: 28 }],
      ]),
    ).toEqual([
      'node "pool": GlobalMaxPool1D needs a sequence [steps, features] but receives [8], a plain vector with no steps to pool over (an Embedding or a recurrent layer with returnSequences gives a sequence)',
    ]);
  });

  it('refuses an image and says which Reshape makes it a sequence', () => {
    const found = issues([
      ['in', 'Input'],
      ['r', 'Reshape', { targetShape: [2, 2, 2] }],
      ['pool', 'GlobalAveragePool1D'],
      ['out', 'Dense', { units: 28 }],
    ]);
    expect(found).toEqual([
      'node "pool": GlobalAveragePool1D needs a sequence [steps, features] but receives [2, 2, 2]: add a Reshape to [2, 4] first',
    ]);
  });
});

describe('the CBOW example averages its context with GlobalAveragePool1D', () => {
  it('has one pooling node between the context Embedding and the Dot', () => {
    const doc = JSON.parse(readFileSync('examples/cbow.json', 'utf8')) as GraphDoc;
    const types = doc.nodes.map((n) => n.type);
    expect(types).toContain('GlobalAveragePool1D');
    expect(types).not.toContain('AvgPool2D');
    expect(types).not.toContain('Reshape');
    const v = validateGraph(doc, { task: 'classification', inputShape: [5], targetShape: [1], classCount: 2 });
    expect(v.ok ? [] : v.issues).toEqual([]);
    expect(v.shapes).toMatchObject({ context: [4, 16], mean: [1, 16], candidate: [1, 16], score: [1] });
  });
});
