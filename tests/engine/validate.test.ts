// Graph validation: every problem is found, named by node or field, in plain words.
import { describe, expect, it } from 'vitest';
import './setup';
import { validateGraph, type DatasetInfo } from '../../src-engine/graph/validate';
import { describeIssue } from '../../src-shared/graphFormat';
import { chain, graph } from './graphs';

const xorInfo: DatasetInfo = { task: 'classification', inputShape: [2], targetShape: [1], classCount: 2 };
const mnistInfo: DatasetInfo = { task: 'classification', inputShape: [28, 28, 1], targetShape: [1], classCount: 10 };

function issuesOf(doc: unknown, info: DatasetInfo = xorInfo): string[] {
  const v = validateGraph(doc, info);
  return v.ok ? [] : v.issues.map(describeIssue);
}

describe('validateGraph', () => {
  it('accepts a valid MLP and infers every shape', () => {
    const v = validateGraph(
      chain([
        ['in', 'Input'],
        ['h', 'Dense', { units: 8, activation: 'relu' }],
        ['out', 'Dense', { units: 2 }],
      ]),
      xorInfo,
    );
    expect(v.ok).toBe(true);
    expect(v.shapes).toEqual({ in: [2], h: [8], out: [2] });
  });

  it('infers CNN shapes (valid/same padding, strides, pooling, flatten)', () => {
    const v = validateGraph(
      chain([
        ['in', 'Input'],
        ['c1', 'Conv2D', { filters: 8, kernelSize: [3, 3] }],
        ['p1', 'MaxPool2D', {}],
        ['c2', 'Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: 'same' }],
        ['f', 'Flatten'],
        ['out', 'Dense', { units: 10 }],
      ]),
      mnistInfo,
    );
    expect(v.shapes).toEqual({ in: [28, 28, 1], c1: [26, 26, 8], p1: [13, 13, 8], c2: [7, 7, 4], f: [196], out: [10] });
    expect(v.ok).toBe(true);
  });

  it('names an unknown layer type, parameter and bad value', () => {
    expect(
      issuesOf(
        chain([
          ['in', 'Input'],
          ['x', 'Dense2', {}],
        ]),
      ),
    ).toEqual([expect.stringMatching(/^node "x" \(type\): unknown layer type "Dense2"/)]);
    expect(
      issuesOf(
        chain([
          ['in', 'Input'],
          ['d', 'Dense', { units: 0 }],
        ]),
      ),
    ).toEqual(['node "d" (params.units): Units must be at least 1, got 0']);
    expect(
      issuesOf(
        chain([
          ['in', 'Input'],
          ['d', 'Dense', { units: 2, colour: 'red' }],
        ]),
      )[0],
    ).toMatch(/^node "d" \(params.colour\): unknown parameter "colour"/);
    expect(
      issuesOf(
        chain([
          ['in', 'Input'],
          ['d', 'Dense', { units: 2, activation: 'swish' }],
        ]),
      )[0],
    ).toMatch(/Activation must be one of linear, relu/);
  });

  it('finds cycles, disconnected and dangling nodes, and missing or extra inputs', () => {
    const cyclic = graph(
      [
        ['in', 'Input'],
        ['a', 'Dense', { units: 2 }],
        ['b', 'Add'],
      ],
      [
        ['in', 'b'],
        ['b', 'a'],
        ['a', 'b'],
      ],
    );
    expect(issuesOf(cyclic).join('\n')).toMatch(/node "a": is part of a cycle/);
    const island = graph(
      [
        ['in', 'Input'],
        ['a', 'Dense', { units: 2 }],
        ['lonely', 'Dense', { units: 2 }],
      ],
      [['in', 'a']],
    );
    expect(issuesOf(island)).toContain('node "lonely": is not connected to the Input');
    const twoEnds = graph(
      [
        ['in', 'Input'],
        ['a', 'Dense', { units: 2 }],
        ['b', 'Dense', { units: 2 }],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
      ],
    );
    expect(issuesOf(twoEnds).join('\n')).toMatch(/node "a": is one of 2 dead ends/);
    expect(issuesOf(graph([['a', 'Dense', { units: 2 }]], []))).toContain('graph: the graph has no Input node');
    const twoInputs = graph(
      [
        ['in', 'Input'],
        ['in2', 'Input'],
        ['a', 'Add'],
      ],
      [
        ['in', 'a'],
        ['in2', 'a'],
      ],
    );
    expect(issuesOf(twoInputs)).toContain('node "in2": is a second Input node; a model has exactly one');
    expect(
      issuesOf(
        graph(
          [
            ['in', 'Input'],
            ['a', 'Add'],
          ],
          [['in', 'a']],
        ),
      ),
    ).toContain('node "a": Add needs 2 to 16 inputs, but has 1');
    expect(issuesOf(graph([['in', 'Input']], []))[0]).toMatch(/no output/);
    expect(
      issuesOf(
        graph(
          [
            ['in', 'Input'],
            ['a', 'Dense', { units: 2 }],
          ],
          [['in', 'ghost']],
        ),
      )[0],
    ).toMatch(/ends at unknown node "ghost"/);
  });

  it('explains shape mismatches at the node where they happen', () => {
    const dense = chain([
      ['in', 'Input'],
      ['d', 'Dense', { units: 10 }],
    ]);
    expect(issuesOf(dense, mnistInfo)).toContain(
      'node "d": Dense needs a flat input but receives [28, 28, 1]: add a Flatten before it',
    );
    const add = graph(
      [
        ['in', 'Input'],
        ['a', 'Dense', { units: 3 }],
        ['b', 'Dense', { units: 4 }],
        ['s', 'Add'],
        ['o', 'Dense', { units: 2 }],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['a', 's'],
        ['b', 's'],
        ['s', 'o'],
      ],
    );
    expect(issuesOf(add)).toContain('node "s": Add needs inputs of one shape, got [3] and [4]');
    const conv = chain([
      ['in', 'Input'],
      ['c', 'Conv2D', { filters: 2, kernelSize: [30, 30] }],
    ]);
    expect(issuesOf(conv, mnistInfo)[0]).toMatch(/node "c": Conv2D kernel 30×30 is larger than its 28×28 input/);
    expect(
      issuesOf(
        chain([
          ['in', 'Input'],
          ['o', 'Dense', { units: 3 }],
        ]),
      ),
    ).toContain('node "o": is the output and gives [3], but the dataset has 2 classes: end with 2 units');
  });

  it('names unknown losses, optimizers and initializers in the training section', () => {
    const doc = chain(
      [
        ['in', 'Input'],
        ['o', 'Dense', { units: 2 }],
      ],
      { loss: 'l3', optimizer: { name: 'adamax', lr: 0.1 }, initializer: 'glorot' },
    );
    const issues = issuesOf(doc).join('\n');
    expect(issues).toMatch(/training.loss: unknown loss "l3"/);
    expect(issues).toMatch(/training.optimizer.name: unknown optimizer "adamax" \(known: sgd, momentum/);
    expect(issues).toMatch(/training.initializer: unknown initializer "glorot"/);
  });

  it('reports schema problems with the path and the node id', () => {
    const doc = chain([
      ['in', 'Input'],
      ['o', 'Dense', { units: 2 }],
    ]) as unknown as Record<string, unknown>;
    expect(issuesOf({ ...doc, format: 'layerlab.graph/0' })[0]).toMatch(/^format: /);
    const broken = JSON.parse(JSON.stringify(doc));
    broken.nodes[1].position = { x: 'left' };
    expect(issuesOf(broken)[0]).toMatch(/^node "o" \(position.x\)/);
    const badBatch = JSON.parse(JSON.stringify(doc));
    badBatch.training.batchSize = -4;
    expect(issuesOf(badBatch)[0]).toMatch(/^training.batchSize: /);
  });

  it('checks that the loss suits the task', () => {
    const regression: DatasetInfo = { task: 'regression', inputShape: [1], targetShape: [1] };
    const doc = chain(
      [
        ['in', 'Input'],
        ['o', 'Dense', { units: 1 }],
      ],
      { loss: 'cross_entropy' },
    );
    expect(issuesOf(doc, regression)[0]).toMatch(/cross-entropy.*is for classification/i);
    expect(
      issuesOf(
        chain(
          [
            ['in', 'Input'],
            ['o', 'Dense', { units: 1 }],
          ],
          { loss: 'mse' },
        ),
        regression,
      ),
    ).toEqual([]);
    expect(
      issuesOf(
        chain(
          [
            ['in', 'Input'],
            ['o', 'Dense', { units: 1, activation: 'sigmoid' }],
          ],
          { loss: 'binary_cross_entropy' },
        ),
      ),
    ).toEqual([]);
  });
});
