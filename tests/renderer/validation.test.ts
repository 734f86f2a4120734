// Live validation: shapes while building, problems from the engine's validator, refused connections.
import { describe, expect, it } from 'vitest';
import { checkGraph } from '../../src-renderer/validation/graphCheck';
import { connectionProblem } from '../../src-renderer/validation/connection';
import { fromGraphDoc } from '../../src-renderer/document/document';
import { defaultTraining } from '../../src-renderer/document/defaults';
import type { GraphContent } from '../../src-renderer/document/types';
import type { DatasetInfo } from '../../src-engine/graph/validate';

const iris: DatasetInfo = { task: 'classification', inputShape: [4], targetShape: [1], classCount: 3 };
const mnist: DatasetInfo = { task: 'classification', inputShape: [28, 28, 1], targetShape: [1], classCount: 10 };

function graph(nodes: Array<[string, string, Record<string, unknown>?]>, edges: Array<[string, string]>): GraphContent {
  return fromGraphDoc({
    format: 'layerlab.graph/1',
    nodes: nodes.map(([id, type, params]) => ({ id, type, ...(params ? { params } : {}) })),
    edges: edges.map(([source, target], i) => ({ id: `e${i + 1}`, source, target })),
    training: defaultTraining(),
  });
}

describe('live graph check', () => {
  it('shows shapes of a graph still being built, with the Input following the dataset', () => {
    const g = graph(
      [
        ['input', 'Input'],
        ['dense1', 'Dense'],
        ['loose', 'Dense'],
      ],
      [['input', 'dense1']],
    );
    const check = checkGraph(g, iris);
    expect(check.ok).toBe(false);
    expect(check.shapes.input).toEqual([4]);
    expect(check.shapes.dense1).toEqual([16]);
    expect(check.shapes.loose).toBeUndefined();
    expect(check.nodeIssues.loose?.join(' ')).toMatch(/not connected to the Input/);
  });

  it('reports the engine validator’s problems, naming nodes', () => {
    const g = graph(
      [
        ['input', 'Input'],
        ['hidden', 'Dense'],
        ['out', 'Dense', { units: 2 }],
      ],
      [
        ['input', 'hidden'],
        ['hidden', 'out'],
      ],
    );
    const check = checkGraph(g, iris);
    expect(check.ok).toBe(false);
    expect(check.issues).toContainEqual(expect.objectContaining({ nodeId: 'out', message: expect.stringMatching(/3 classes/) }));
    const fixed = graph(
      [
        ['input', 'Input'],
        ['hidden', 'Dense'],
        ['out', 'Dense', { units: 3, activation: 'softmax' }],
      ],
      [
        ['input', 'hidden'],
        ['hidden', 'out'],
      ],
    );
    expect(checkGraph(fixed, iris)).toMatchObject({ ok: true, issues: [] });
  });

  it('marks a shape error even while other parts are unfinished', () => {
    const g = graph(
      [
        ['input', 'Input'],
        ['conv', 'Conv2D'],
        ['dangling', 'Flatten'],
      ],
      [['input', 'conv']],
    );
    const check = checkGraph(g, iris);
    expect(check.nodeIssues.conv?.[0]).toMatch(/Conv2D needs an image input/);
  });

  it('puts graph-wide problems first and names the settings field', () => {
    const g = graph(
      [
        ['input', 'Input'],
        ['d', 'Dense', { units: -1 }],
      ],
      [['input', 'd']],
    );
    g.training = { ...g.training, loss: 'nope' };
    const check = checkGraph(g, iris);
    expect(check.issues[0].nodeId).toBeUndefined();
    expect(check.issues[0].field).toBe('training.loss');
    expect(check.issues).toContainEqual(expect.objectContaining({ nodeId: 'd', field: 'params.units' }));
  });
});

describe('connection check', () => {
  const chain = () =>
    graph(
      [
        ['input', 'Input'],
        ['flat', 'Flatten'],
        ['dense', 'Dense'],
        ['conv', 'Conv2D'],
        ['add', 'Add'],
      ],
      [
        ['input', 'flat'],
        ['flat', 'dense'],
      ],
    );

  it('accepts a connection that fits', () => {
    expect(connectionProblem(chain(), { source: 'input', target: 'conv' }, mnist)).toBeNull();
    expect(connectionProblem(chain(), { source: 'dense', target: 'add' }, mnist)).toBeNull();
  });

  it('refuses connections into Input, into itself, twice, or into a full layer', () => {
    expect(connectionProblem(chain(), { source: 'dense', target: 'input' }, mnist)).toMatch(/Input takes no inputs/);
    expect(connectionProblem(chain(), { source: 'dense', target: 'dense' }, mnist)).toMatch(/itself/);
    expect(connectionProblem(chain(), { source: 'flat', target: 'dense' }, mnist)).toMatch(/already connected/);
    expect(connectionProblem(chain(), { source: 'input', target: 'dense' }, mnist)).toMatch(
      /takes one input and already has one/,
    );
  });

  it('refuses a loop', () => {
    const g = graph(
      [
        ['input', 'Input'],
        ['a', 'Dense'],
        ['b', 'Add'],
        ['c', 'Add'],
      ],
      [
        ['input', 'a'],
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    expect(connectionProblem(g, { source: 'c', target: 'b' }, iris)).toMatch(/loop/);
  });

  it('refuses a connection whose shapes do not fit, with the layer’s own reason', () => {
    expect(connectionProblem(chain(), { source: 'dense', target: 'conv' }, mnist)).toMatch(
      /conv: Conv2D needs an image input \[height, width, channels\] but receives \[16\]/,
    );
    const merge = graph(
      [
        ['input', 'Input'],
        ['a', 'Dense', { units: 4 }],
        ['b', 'Dense', { units: 5 }],
        ['add', 'Add'],
      ],
      [
        ['input', 'a'],
        ['input', 'b'],
        ['a', 'add'],
      ],
    );
    expect(connectionProblem(merge, { source: 'b', target: 'add' }, iris)).toMatch(/Add needs inputs of one shape/);
  });
});

describe('one checker', () => {
  it('reports a misfitting layer once, even where the structure is unfinished', () => {
    const g = graph(
      [
        ['input', 'Input'],
        ['conv', 'Conv2D'],
        ['dangling', 'Flatten'],
      ],
      [['input', 'conv']],
    );
    const messages = checkGraph(g, iris).nodeIssues.conv ?? [];
    expect(messages).toHaveLength(1);
    expect(new Set(checkGraph(g, iris).issues.map((i) => `${i.nodeId}:${i.message}`)).size).toBe(
      checkGraph(g, iris).issues.length,
    );
  });
});
