// --help for the CLI and every command: exit 0, usage, every flag the parser accepts, and the
// registries' names and defaults. Training flags for loss, optimizer settings, schedule, scaling and dropout.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';
import { commands } from '../../src-cli/commands';
import { commandHelp, topLevelHelp } from '../../src-cli/help';
import { applyOverrides, parseSchedule } from '../../src-cli/runConfig';
import { listOptimizers, listSchedules } from '../../src-engine/optim';
import { listLosses } from '../../src-engine/losses';
import { listInitializers } from '../../src-engine/init';

describe('CLI help', () => {
  it('`train --help` and `--help` exit 0 with usage (they used to exit 2)', async () => {
    const train = await runCli(['train', '--help']);
    expect(train.code, train.stderr).toBe(0);
    expect(train.stdout).toMatch(/^usage: npm run cli -- train <graph.json> \[options\]/);
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const c of commands()) expect(top.stdout).toContain(`  ${c.name} `);
  });

  it('lists every flag of every command, with the registries’ names and defaults', () => {
    for (const c of commands()) {
      const text = commandHelp(c);
      expect(text).toContain(`usage: npm run cli -- ${c.name}`);
      for (const f of c.flags) expect(text, `${c.name} --${f.name}`).toMatch(new RegExp(`^  --${f.name}\\b`, 'm'));
    }
    const train = commandHelp(commands().find((c) => c.name === 'train')!).replace(/\s+/g, ' ');
    for (const name of [
      ...listOptimizers().map((o) => o.name),
      ...listLosses().map((l) => l.name),
      ...listInitializers().map((i) => i.name),
      ...listSchedules().map((s) => s.type),
    ]) {
      expect(train).toContain(name);
    }
    expect(train).toContain(
      '--lr X How far each step moves the weights along the (processed) gradient. (default: 0.01 for sgd, momentum, nesterov, adagrad; 0.001 for rmsprop, adam, adamw)',
    );
    expect(train).toMatch(/--weight-decay X .*adamw: Shrinks weights .* \(default: unset for sgd, .*; 0\.01 for adamw\)/);
    expect(train).toContain('step:stepSize=10,gamma=0.1');
    expect(train).toContain('--scaling none|standard|minmax|pca|zca');
    expect(topLevelHelp(commands())).toContain('sweep <graph.json>');
  });
});

describe('training flags', () => {
  const graph = {
    format: 'layerlab.graph/1',
    nodes: [
      { id: 'in', type: 'Input' },
      { id: 'd1', type: 'Dropout', params: { rate: 0.1 } },
      { id: 'd2', type: 'Dropout' },
    ],
    edges: [],
    training: {
      dataset: 'xor',
      loss: 'mse',
      optimizer: { name: 'sgd', lr: 0.1 },
      batchSize: 4,
      epochs: 1,
      seed: 1,
      validationSplit: 0,
    },
  };

  it('set the loss, optimizer settings, schedule, scaling and every dropout rate', () => {
    const g = applyOverrides(graph, {
      loss: 'cross_entropy',
      l1: 0.001,
      l2: 0.01,
      'weight-decay': 0.02,
      'clip-norm': 1,
      momentum: 0.8,
      schedule: 'cosine:total=5',
      scaling: 'standard',
      dropout: 0.3,
    }) as typeof graph & { training: Record<string, unknown> };
    expect(g.training.loss).toBe('cross_entropy');
    expect(g.training.optimizer).toEqual({
      name: 'sgd',
      lr: 0.1,
      l1: 0.001,
      l2: 0.01,
      weightDecay: 0.02,
      clipNorm: 1,
      momentum: 0.8,
      schedule: { type: 'cosine', total: 5 },
    });
    expect(g.training.datasetOptions).toEqual({ scaling: 'standard' });
    expect(g.nodes.map((n) => (n as { params?: { rate?: number } }).params?.rate)).toEqual([undefined, 0.3, 0.3]);
    expect(graph.nodes[1].params).toEqual({ rate: 0.1 });
  });

  it('read schedules with the registry defaults and refuse unknown ones by name', () => {
    expect(parseSchedule('step')).toEqual({ type: 'step', stepSize: 10, gamma: 0.1 });
    expect(parseSchedule('step:gamma=0.5')).toEqual({ type: 'step', stepSize: 10, gamma: 0.5 });
    expect(() => parseSchedule('linear')).toThrow('unknown schedule "linear" (known: constant, step, exponential, cosine)');
    expect(() => parseSchedule('step:gama=0.5')).toThrow('step has no setting "gama" (it has: stepSize, gamma)');
    expect(() => applyOverrides({ ...graph, nodes: [] }, { dropout: 0.2 })).toThrow('the graph has no Dropout layer');
  });

  it('a step schedule halves the learning rate every epoch in a real run', async () => {
    const r = await runCli([
      'train',
      'examples/xor.json',
      '--epochs',
      '3',
      '--optimizer',
      'sgd',
      '--lr',
      '0.5',
      '--schedule',
      'step:stepSize=1,gamma=0.5',
      '--l2',
      '0.001',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lrs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.event === 'epoch')
      .map((l) => l.lr);
    expect(lrs).toEqual([0.5, 0.25, 0.125]);
  });
});
