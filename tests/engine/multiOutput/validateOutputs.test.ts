// Declaring several outputs: what validation accepts, and issues that name the output's node and field.
import { describe, expect, it } from 'vitest';
import '../setup';
import { validateGraph } from '../../../src-engine/graph/validate';
import { datasetInfo } from '../../../src-engine/train/prepareRun';
import { catalogueEntry } from '../../../src-engine/data/catalogue';
import { describeIssue, type OutputSpec } from '../../../src-shared/graphFormat';
import { CLASS_BOX_OUTPUTS, classBoxGraph } from './shapesGraph';

const shapes = datasetInfo(catalogueEntry('shapes')!);

function issuesOf(outputs: OutputSpec[], training = {}): string[] {
  const v = validateGraph(classBoxGraph(training, outputs), shapes);
  return v.ok ? [] : v.issues.map(describeIssue);
}

describe('training.outputs', () => {
  it('resolves each output to its columns, loss, weight and metrics', () => {
    const v = validateGraph(classBoxGraph(), shapes);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const [cls, box] = v.validated.heads!;
    expect(cls).toMatchObject({
      nodeId: 'class',
      columns: [0],
      task: 'classification',
      width: 3,
      weight: 1,
      metrics: ['accuracy'],
    });
    expect(cls.classNames).toEqual(['square', 'circle', 'triangle']);
    expect(box).toMatchObject({ nodeId: 'box', columns: [1, 2, 3, 4], task: 'regression', width: 4, weight: 4 });
    expect(box.loss.name).toBe('mse');
  });

  it('leaves a one-output graph exactly as it was (no heads)', () => {
    const v = validateGraph({ ...classBoxGraph(), training: { ...classBoxGraph().training, outputs: undefined } }, shapes);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    // Two dead ends without training.outputs is still the one-output rule's error.
    expect(v.issues.map(describeIssue).join('\n')).toMatch(/node "class": is one of 2 dead ends/);
  });

  it('names the output node and field of each mistake', () => {
    const [cls, box] = CLASS_BOX_OUTPUTS;
    expect(issuesOf([cls, { ...box, targets: ['x', 'y', 'width', 'h'] }])).toEqual([
      'node "box" (training.outputs[1].targets): unknown column "width" (the dataset\'s: shape, x, y, w, h)',
    ]);
    expect(issuesOf([cls, { ...box, loss: 'nope' }])[0]).toMatch(
      /^node "box" \(training\.outputs\[1\]\.loss\): unknown loss "nope"/,
    );
    expect(issuesOf([cls, { ...box, weight: -1 }])).toEqual([
      'node "box" (training.outputs[1].weight): Weight must be at least 0, got -1',
    ]);
    expect(issuesOf([{ ...cls, targets: ['x'] }, box])[0]).toMatch(
      /^node "class" \(training\.outputs\[0\]\.targets\): .* one class column/,
    );
    expect(issuesOf([cls, { ...box, targets: ['shape'] }])[0]).toMatch(
      /^node "box" \(training\.outputs\[1\]\.loss\): column "shape" holds classes/,
    );
    expect(issuesOf([cls, { ...box, metrics: ['accuracy'] }])[0]).toMatch(/^node "box" \(training\.outputs\[1\]\.metrics\)/);
    expect(issuesOf([cls, { ...box, targets: ['x', 'y'] }])).toEqual([
      'node "box": gives [4] as output 2, but it predicts 2 columns (x, y): end with 2 units',
    ]);
    expect(issuesOf([cls, { ...box, node: 'ghost' }])).toContain('training.outputs[1].node: names unknown node "ghost"');
  });

  it('asks for every dead end to be declared, and outputs to be dead ends', () => {
    expect(issuesOf([CLASS_BOX_OUTPUTS[0]])).toContain(
      'node "box": is a dead end but not one of training.outputs (class): declare it as an output, or connect or delete it',
    );
    expect(issuesOf([...CLASS_BOX_OUTPUTS, { node: 'hidden', loss: 'mse', targets: ['x'] }])).toContain(
      'node "hidden": is declared in training.outputs but feeds other layers: an output must be a dead end',
    );
  });

  it('refuses all-zero weights and the WebGPU backend', () => {
    const zero = CLASS_BOX_OUTPUTS.map((o) => ({ ...o, weight: 0 }));
    expect(issuesOf(zero)).toContain('training.outputs: every output has weight 0: nothing would train');
    expect(issuesOf(CLASS_BOX_OUTPUTS, { backend: 'webgpu' })[0]).toMatch(
      /^training\.backend: graphs with several outputs train on the CPU/,
    );
  });
});
