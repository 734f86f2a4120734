// Shape inference exists once, in the engine: validateGraph's partial mode is what the editor
// shows while a graph is being built; the complete mode stops at an unfinished structure.
import { describe, expect, it } from 'vitest';
import './setup';
import { inferShapes, validateGraph, type DatasetInfo } from '../../src-engine';
import { graph } from './graphs';

const iris: DatasetInfo = { task: 'classification', inputShape: [4], targetShape: [1], classCount: 3 };

describe('partial shape inference', () => {
  const unfinished = graph(
    [
      ['input', 'Input'],
      ['hidden', 'Dense', { units: 8 }],
      ['loose', 'Dense'],
      ['conv', 'Conv2D'],
    ],
    [
      ['input', 'hidden'],
      ['hidden', 'conv'],
    ],
  );

  it('infers the shapes already known and names the layer that does not fit, beside the structural problems', () => {
    const v = validateGraph(unfinished, iris, { partial: true });
    expect(v.ok).toBe(false);
    expect(v.shapes).toEqual({ input: [4], hidden: [8] });
    const issues = v.ok ? [] : v.issues;
    expect(issues).toContainEqual({ nodeId: 'loose', message: 'is not connected to the Input' });
    expect(issues.filter((i) => i.nodeId === 'conv').map((i) => i.message)).toEqual([
      expect.stringMatching(/^Conv2D needs an image input/),
    ]);
  });

  it('the complete mode stops at the structure, as a run does', () => {
    const v = validateGraph(unfinished, iris);
    expect(v.shapes).toEqual({});
    expect((v.ok ? [] : v.issues).some((i) => i.nodeId === 'conv' && /Conv2D/.test(i.message))).toBe(false);
  });

  it('agrees with the complete mode on a finished graph', () => {
    const done = graph(
      [
        ['input', 'Input'],
        ['out', 'Dense', { units: 3, activation: 'softmax' }],
      ],
      [['input', 'out']],
    );
    expect(validateGraph(done, iris, { partial: true })).toEqual(validateGraph(done, iris));
  });

  it('still shows shapes when the training section does not parse yet', () => {
    const doc = { ...unfinished, training: { ...unfinished.training, dataset: '' } };
    const v = validateGraph(doc, iris, { partial: true });
    expect(v.ok).toBe(false);
    expect(v.shapes.hidden).toEqual([8]);
    expect((v.ok ? [] : v.issues).some((i) => i.field === 'training.dataset')).toBe(true);
  });

  it('skips nodes on a cycle, nodes missing inputs and nodes with bad settings', () => {
    const result = inferShapes({
      nodes: [
        { id: 'i', type: 'Input', params: { shape: [3] } },
        { id: 'a', type: 'Dense' },
        { id: 'b', type: 'Dense' },
        { id: 'm', type: 'Add' },
        { id: 'bad', type: 'Dense', params: { units: -1 } },
      ],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'i', target: 'm' },
        { source: 'i', target: 'bad' },
      ],
    });
    expect(result).toEqual({ shapes: { i: [3] }, issues: [] });
  });

  it('names a layer with too many inputs', () => {
    const result = inferShapes(
      graph(
        [
          ['i', 'Input'],
          ['a', 'Dense', { units: 2 }],
          ['b', 'Dense', { units: 2 }],
          ['d', 'Dense'],
        ],
        [
          ['i', 'a'],
          ['i', 'b'],
          ['a', 'd'],
          ['b', 'd'],
        ],
      ),
      iris,
    );
    expect(result.issues).toEqual([{ nodeId: 'd', message: 'Dense takes exactly 1 input, but has 2' }]);
  });
});
