// Searched settings land where their paths say, and a bad path or value is refused naming it.
import { describe, expect, it } from 'vitest';
import { applyAssignment, parseSearchParams, planSearch, readPath, resolvePath } from '../../../src-engine/search';
import { validateGraph } from '../../../src-engine/graph/validate';
import type { GraphDoc } from '../../../src-shared/graphFormat';

function graph(): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [2] } },
      { id: 'hidden', type: 'Dense', params: { units: 8, activation: 'tanh' }, position: { x: 100, y: 0 } },
      { id: 'drop', type: 'Dropout', params: { rate: 0.1 } },
      { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' } },
    ],
    edges: [
      { id: 'a', source: 'input', target: 'hidden' },
      { id: 'b', source: 'hidden', target: 'drop' },
      { id: 'c', source: 'drop', target: 'output' },
    ],
    training: {
      dataset: 'spiral',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 16,
      epochs: 4,
      seed: 1,
      validationSplit: 0.2,
    },
  };
}

describe('search paths', () => {
  it('resolves short names from the registries and the graph schema, and node settings', () => {
    const g = graph();
    expect(
      [
        'lr',
        'weightDecay',
        'l1',
        'l2',
        'momentum',
        'batchSize',
        'epochs',
        'optimizer',
        'schedule',
        'schedule.gamma',
        'scaling',
        'initializer',
      ].map((n) => resolvePath(n, g)),
    ).toEqual([
      'training.optimizer.lr',
      'training.optimizer.weightDecay',
      'training.optimizer.l1',
      'training.optimizer.l2',
      'training.optimizer.momentum',
      'training.batchSize',
      'training.epochs',
      'training.optimizer.name',
      'training.optimizer.schedule.type',
      'training.optimizer.schedule.gamma',
      'training.datasetOptions.scaling',
      'training.initializer',
    ]);
    expect(resolvePath('hidden.units', g)).toBe('hidden.units');
    expect(resolvePath('drop.rate', g)).toBe('drop.rate');
    expect(resolvePath('hidden.repeat', g)).toBe('hidden.repeat');
  });

  it('refuses unknown names, saying what exists', () => {
    const g = graph();
    expect(() => resolvePath('hiden.units', g)).toThrow(
      /"hiden.units" is neither a training setting .* nor <node>.<setting> of a node \(input, hidden, drop, output\)/,
    );
    expect(() => resolvePath('hidden.unit', g)).toThrow(
      '"hidden.unit": node "hidden" (Dense) has no setting "unit" (it has: units, activation',
    );
    expect(() => resolvePath('schedule.gama', g)).toThrow('"schedule.gama": schedules have no setting "gama"');
    expect(() => parseSearchParams(['lr=0.1', 'training.optimizer.lr=0.2'], g)).toThrow('"training.optimizer.lr" is given twice');
  });
});

describe('applying a trial', () => {
  it('writes training and layer settings, leaving the base graph alone', () => {
    const base = graph();
    const g = applyAssignment(base, {
      'training.optimizer.lr': 0.003,
      'training.batchSize': 32,
      'hidden.units': 64,
      'hidden.activation': 'relu',
      'drop.rate': 0.3,
      'training.optimizer.weightDecay': 1e-4,
    });
    expect(g.training.optimizer).toEqual({ name: 'adam', lr: 0.003, weightDecay: 1e-4 });
    expect(g.training.batchSize).toBe(32);
    expect(g.nodes[1].params).toEqual({ units: 64, activation: 'relu' });
    expect(g.nodes[2].params).toEqual({ rate: 0.3 });
    expect(base).toEqual(graph());
    expect(validateGraph(g).ok).toBe(true);
  });

  it('sets a schedule with its registry defaults, then its searched settings', () => {
    const g = applyAssignment(graph(), { 'training.optimizer.schedule.type': 'step', 'training.optimizer.schedule.gamma': 0.5 });
    expect(g.training.optimizer.schedule).toEqual({ type: 'step', stepSize: 10, gamma: 0.5 });
    expect(applyAssignment(graph(), { 'training.optimizer.schedule.type': 'cosine' }).training.optimizer.schedule).toEqual({
      type: 'cosine',
      total: 50,
    });
    expect(() => applyAssignment(graph(), { 'training.optimizer.schedule.type': 'linear' })).toThrow('unknown schedule "linear"');
  });

  it('repeats a node as a chain of copies carrying its searched settings', () => {
    const g = applyAssignment(graph(), { 'hidden.repeat': 3, 'hidden.units': 16 });
    expect(g.nodes.map((n) => n.id)).toEqual(['input', 'hidden', 'drop', 'output', 'hidden~2', 'hidden~3']);
    expect(g.nodes.filter((n) => n.id.startsWith('hidden')).every((n) => n.params?.units === 16)).toBe(true);
    const v = validateGraph(g);
    expect(v.ok).toBe(true);
    expect(g.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(
      ['hidden~2>hidden~3', 'hidden~3>drop', 'hidden>hidden~2', 'input>hidden', 'drop>output'].sort(),
    );
    expect(readPath(g, 'hidden.repeat')).toBe(3);
    expect(readPath(g, 'training.optimizer.lr')).toBe(0.01);
    expect(() => applyAssignment(graph(), { 'input.repeat': 2 })).toThrow('only a node with exactly one input can be repeated');
  });

  it('refuses a trial whose value is invalid, naming the setting and the trial', () => {
    const params = parseSearchParams(['hidden.units=4,0', 'batchSize=16'], graph());
    expect(() => planSearch(graph(), { method: 'grid', params })).toThrow(
      'trial 2 (hidden.units 0 · batchSize 16) cannot train: hidden.units=0: Units must be at least 1',
    );
    const activation = parseSearchParams(['hidden.activation=relu,sigmoidal'], graph());
    expect(() => planSearch(graph(), { method: 'grid', params: activation })).toThrow(/trial 2 .* hidden.activation=sigmoidal: /);
    const lr = parseSearchParams(['lr=-1,0.1'], graph());
    expect(() => planSearch(graph(), { method: 'grid', params: lr })).toThrow(/trial 1 \(lr -1\) cannot train: lr=-1: /);
  });

  it('plans a random search as trials with labels, checked before any trains', () => {
    const params = parseSearchParams(['lr=1e-4..1e-1:log', 'batchSize=16,32,64', 'hidden.units=8..128:int'], graph());
    const trials = planSearch(graph(), { method: 'random', params, trials: 12, seed: 5 });
    expect(trials).toHaveLength(12);
    expect(trials[0].label).toMatch(/^lr [\d.e-]+ · batchSize (16|32|64) · hidden\.units \d+$/);
    expect(trials.every((t) => t.graph.training.optimizer.lr === t.assignment['training.optimizer.lr'])).toBe(true);
    expect(() => planSearch(graph(), { method: 'random', params, trials: 12, halving: { minEpochs: 4, reduction: 2 } })).toThrow(
      'the first rung (4 epochs) must come before the last epoch (4)',
    );
  });
});
