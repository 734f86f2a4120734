// runs.start with initialWeights (pretrained initialization): a new run starts from a stored run's
// weights; a tensor whose name or shape does not fit is named before the run is recorded.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { irisGraph } from './helpers/graphs';
import type { GraphDoc } from '../../src-shared/graphFormat';

const withHidden = (units: number, id = 'hidden'): GraphDoc => {
  const g = irisGraph(7, 3);
  return {
    ...g,
    nodes: g.nodes.map((n) => (n.id === 'hidden' ? { ...n, id, params: { ...n.params, units } } : n)),
    edges: g.edges.map((e) => ({ source: e.source === 'hidden' ? id : e.source, target: e.target === 'hidden' ? id : e.target })),
  };
};

describe('starting a run from another run’s weights', () => {
  const app = startTestApp({ engine: 'thread' });
  const { runs } = app.services.handlers;
  let source = '';

  it('starts from the chosen checkpoint: the new run’s initial weights are the source’s', async () => {
    source = (await runs.start(irisGraph(5, 4), { name: 'source' })).runId;
    expect(await app.waitForStatus(source, 'completed', 'failed')).toBe('completed');
    const next = (await runs.start(withHidden(6), { name: 'continued', initialWeights: { runId: source, checkpoint: 'final' } }))
      .runId;
    expect(await app.waitForStatus(next, 'completed', 'failed')).toBe('completed');
    const from = (await runs.checkpoint(source, 'final'))!;
    const initial = (await runs.checkpoint(next, 'initial'))!;
    expect(initial.tensors.map((t) => t.name)).toEqual(from.tensors.map((t) => t.name));
    for (const [i, t] of initial.tensors.entries()) expect(t.data).toEqual(from.tensors[i].data);
    // A fresh run of the same graph and seed starts elsewhere.
    const fresh = (await runs.start(withHidden(6), { name: 'fresh' })).runId;
    expect(await app.waitForStatus(fresh, 'completed', 'failed')).toBe('completed');
    expect((await runs.checkpoint(fresh, 'initial'))!.tensors[0].data).not.toEqual(from.tensors[0].data);
  });

  it('names a tensor whose shape or name does not fit, and records nothing', async () => {
    const before = (await runs.list()).length;
    await expect(runs.start(withHidden(8), { initialWeights: { runId: source, checkpoint: 'best' } })).rejects.toThrow(
      'the best weights of run "source" do not fit this graph: tensor hidden.kernel has shape [4, 6] in the weights file but [4, 8] in the graph',
    );
    await expect(runs.start(withHidden(6, 'middle'), { initialWeights: { runId: source, checkpoint: 'final' } })).rejects.toThrow(
      /tensor hidden\.kernel in the weights file is not in this graph/,
    );
    await expect(runs.start(withHidden(6), { initialWeights: { runId: 'nope', checkpoint: 'final' } })).rejects.toThrow(
      'cannot start from the weights of run nope: there is no such run',
    );
    expect((await runs.list()).length).toBe(before);
  });
});
