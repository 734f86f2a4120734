// runs.start refuses settings the engine would refuse, before anything is stored, naming the field.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { xorGraph } from './helpers/graphs';
import type { OptimizerConfig } from '../../src-shared/graphFormat';

describe('runs.start and the engine agree on limits', () => {
  const app = startTestApp();
  const count = () => (app.services.store.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n;

  it.each([
    ['lr 1e6', { name: 'adam', lr: 1e6 }, /training\.optimizer\.lr: Learning rate must be at most 10, got 1000000/],
    ['lr 20', { name: 'adam', lr: 20 }, /training\.optimizer\.lr: Learning rate must be at most 10, got 20/],
    ['momentum 1', { name: 'momentum', lr: 0.1, momentum: 1 }, /training\.optimizer\.momentum: Momentum must be below 1, got 1/],
    ['Adam eps 2', { name: 'adam', lr: 0.01, eps: 2 }, /training\.optimizer\.eps: Epsilon must be at most 1, got 2/],
  ] as Array<[string, OptimizerConfig, RegExp]>)('refuses %s and stores nothing', async (_what, optimizer, message) => {
    const graph = xorGraph(2);
    graph.training.optimizer = optimizer;
    const before = count();
    const error = await app.services.dispatch('runs:start', [graph]).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/internal error/);
    expect(count()).toBe(before);
  });
});

describe('runs.start and the parameter budget', () => {
  const app = startTestApp();

  it('refuses Dense 65536 → Dense 65536 before storing anything, naming the node, the count and the limit', async () => {
    const graph = xorGraph(2);
    const output = graph.nodes.find(
      (n) => graph.edges.some((e) => e.target === n.id) && !graph.edges.some((e) => e.source === n.id),
    )!;
    const into = graph.edges.find((e) => e.target === output.id)!;
    graph.nodes.push(
      { id: 'wide1', type: 'Dense', params: { units: 65536 } },
      { id: 'wide2', type: 'Dense', params: { units: 65536 } },
    );
    graph.edges = graph.edges.filter((e) => e !== into);
    graph.edges.push(
      { id: 'w1', source: into.source, target: 'wide1' },
      { id: 'w2', source: 'wide1', target: 'wide2' },
      { id: 'w3', source: 'wide2', target: output.id },
    );
    const before = await app.services.dispatch('runs:list', []);
    const error = await app.services.dispatch('runs:start', [graph]).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(
      /node "?wide2"?.*would hold 4,295,032,832 parameters .*this machine's limit is [\d,]+ parameters \(half of this machine's [\d.]+ GB of memory/,
    );
    expect(error?.message).not.toMatch(/internal error|allocation failed/);
    expect(await app.services.dispatch('runs:list', [])).toEqual(before);
  });
});
