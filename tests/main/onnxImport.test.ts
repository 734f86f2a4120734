// models.importOnnx: an ONNX file becomes a graph for the canvas plus a completed run holding its
// weights; a run started from that run's weights continues where the exported model left off.
// Operators without a mapping are named with their node, and nothing is recorded.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { irisGraph } from './helpers/graphs';
import { OnnxGraph, onnx } from '../../src-engine/export/onnx/onnxGraph';
import type { GraphDoc } from '../../src-shared/graphFormat';

describe('models.importOnnx', () => {
  const app = startTestApp({ engine: 'thread' });
  const { runs, models } = app.services.handlers;

  it('imports an exported iris model as a graph and a completed run whose weights training continues from', async () => {
    const source = (await runs.start(irisGraph(5, 30), { name: 'iris source' })).runId;
    expect(await app.waitForStatus(source, 'completed', 'failed')).toBe('completed');
    const exported = await models.export(source, { checkpoint: 'final', format: 'onnx' });
    const { graph, runId } = await models.importOnnx('iris.onnx', exported.base64!, { dataset: 'iris' });
    // The final Softmax is folded into its Dense, as LayerLab's cross-entropy trains it.
    expect(graph.nodes.map((n) => n.type)).toEqual(['Input', 'Dense', 'ReLU', 'Dense']);
    expect(graph.nodes[3].params?.activation).toBe('softmax');
    expect(graph.training.dataset).toBe('iris');
    const stored = (await runs.list()).find((r) => r.id === runId)!;
    expect(stored).toMatchObject({ name: 'iris.onnx (imported ONNX)', status: 'completed' });
    const original = (await runs.checkpoint(source, 'final'))!;
    const weights = (await runs.checkpoint(runId, 'final'))!;
    expect(weights.tensors.map((t) => t.shape)).toEqual(original.tensors.map((t) => t.shape));
    expect(Array.from(weights.tensors[0].data)).toEqual(Array.from(original.tensors[0].data));

    const oneEpoch = (g: GraphDoc): GraphDoc => ({ ...g, training: { ...g.training, epochs: 1 } });
    const continued = (await runs.start(oneEpoch(graph), { initialWeights: { runId, checkpoint: 'final' } })).runId;
    const fresh = (await runs.start(oneEpoch(graph), { name: 'fresh' })).runId;
    expect(await app.waitForStatus(continued, 'completed', 'failed')).toBe('completed');
    expect(await app.waitForStatus(fresh, 'completed', 'failed')).toBe('completed');
    const firstLoss = async (id: string) => (await runs.metrics(id)).epochs[0].trainLoss;
    const finalLoss = (await runs.metrics(source)).epochs.at(-1)!.trainLoss;
    // The imported weights start where the source ended, far from a fresh start.
    expect(Math.abs((await firstLoss(continued)) - finalLoss)).toBeLessThan(0.15);
    expect(await firstLoss(continued)).toBeLessThan((await firstLoss(fresh)) / 2);
  });

  it('names the unsupported operators and their nodes, and records no run', async () => {
    const g = new OnnxGraph();
    const input = g.name('input');
    const out = g.op('Gather', [g.floats('table', [4, 2], new Float32Array(8)), input], { axis: 0 }, 'lookup');
    const info = (name: string) =>
      onnx.ValueInfoProto.create({
        name,
        type: {
          tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: 1 }] } },
        },
      });
    const bytes = onnx.ModelProto.encode(
      onnx.ModelProto.create({
        irVersion: 8,
        graph: { name: 'lookup', node: g.nodes, initializer: g.initializers, input: [info(input)], output: [info(out)] },
        opsetImport: [{ domain: '', version: 13 }],
      }),
    ).finish();
    const before = (await runs.list()).length;
    await expect(models.importOnnx('lookup.onnx', Buffer.from(bytes).toString('base64'), { dataset: 'iris' })).rejects.toThrow(
      /lookup\.onnx: unsupported ONNX operators: Gather \(node "lookup_node"\)/,
    );
    expect((await runs.list()).length).toBe(before);
  });
});
