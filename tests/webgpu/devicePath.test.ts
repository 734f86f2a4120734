// train()'s device path (reads awaited a step late, as on WebGPU) in Node, on a CPU backend that
// hides its host memory the way a device does, against the host path on the plain CPU backend:
// the same events and numbers. Batch norm and dropout exercise the state swap and the dropout
// stream; a huge learning rate exercises divergence.
import { describe, expect, it } from 'vitest';
import { setBackend, type Backend } from '../../src-engine/core/backend';
import { CpuBackend, registerCpuKernels } from '../../src-engine/kernels/cpu';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import { loadDataset } from '../../src-engine/hosts/node/datasets';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { GRAPH_FORMAT, type GraphDoc } from '../../src-shared/graphFormat';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { Dataset } from '../../src-engine/data/types';
import '../../src-engine/layers';
import '../../src-engine/losses';

registerCpuKernels();
const host = new CpuBackend('float32');
/** The CPU kernels behind a device's face: values only through `await read()`. */
const device = Object.create(host) as Backend;
device.hostView = () => null;

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params });

function sineGraph(lr: number): GraphDoc {
  return {
    format: GRAPH_FORMAT,
    nodes: [
      node('input', 'Input', { shape: [1] }),
      node('h', 'Dense', { units: 16, activation: 'relu' }),
      node('out', 'Dense', { units: 1 }),
    ],
    edges: [
      { source: 'input', target: 'h' },
      { source: 'h', target: 'out' },
    ],
    training: {
      dataset: 'sine',
      loss: 'mse',
      optimizer: { name: 'sgd', lr },
      batchSize: 16,
      epochs: 50,
      seed: 1,
      validationSplit: 0.25,
    },
  } as GraphDoc;
}

function irisGraph(lr: number): GraphDoc {
  return {
    format: GRAPH_FORMAT,
    nodes: [
      node('input', 'Input', { shape: [4] }),
      node('h', 'Dense', { units: 12, activation: 'relu' }),
      node('bn', 'BatchNorm'),
      node('drop', 'Dropout', { rate: 0.2 }),
      node('out', 'Dense', { units: 3, activation: 'softmax' }),
    ],
    edges: [
      { source: 'input', target: 'h' },
      { source: 'h', target: 'bn' },
      { source: 'bn', target: 'drop' },
      { source: 'drop', target: 'out' },
    ],
    training: {
      dataset: 'iris',
      datasetOptions: { scaling: 'standard' },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr },
      batchSize: 16,
      epochs: 4,
      seed: 3,
      validationSplit: 0.2,
    },
  } as GraphDoc;
}

async function run(loop: 'train' | 'device', graph: GraphDoc, dataset: Dataset): Promise<EngineEvent[]> {
  setBackend(loop === 'train' ? host : device);
  const prepared = prepareRun(graph, dataset);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const events: EngineEvent[] = [];
  await train({ ...prepared.run.setup, stepEventEvery: 3 }, (e) => events.push(e));
  return events;
}

function close(a: number | undefined, b: number | undefined, what: string): void {
  expect(a, what).toBeTypeOf('number');
  expect(Math.abs(a! - b!) / Math.max(Math.abs(b!), 1e-3), `${what}: ${a} vs ${b}`).toBeLessThan(1e-4);
}

describe('train() on a device-like backend', () => {
  it('reports what train() reports: losses, accuracies, step events, diagnostics', async () => {
    const dataset = await loadDataset('iris');
    const graph = irisGraph(0.01);
    const [ref, dev] = [await run('train', graph, dataset), await run('device', graph, dataset)];
    expect(dev.map((e) => e.event)).toEqual(ref.map((e) => e.event));
    ref.forEach((r, i) => {
      const d = dev[i];
      if (r.event === 'step' && d.event === 'step') {
        expect(d.step).toBe(r.step);
        close(d.loss, r.loss, `step ${r.step} loss`);
      }
      if (r.event === 'epoch' && d.event === 'epoch') {
        close(d.trainLoss, r.trainLoss, `epoch ${r.epoch} train loss`);
        expect(d.trainAcc).toBeCloseTo(r.trainAcc!, 10);
        close(d.valLoss, r.valLoss, `epoch ${r.epoch} validation loss`);
        expect(d.valAcc).toBeCloseTo(r.valAcc!, 10);
        expect(d.valClassAcc).toHaveLength(3);
        d.valClassAcc!.forEach((acc, c) => expect(acc).toBeCloseTo(r.valClassAcc![c], 10));
        expect(Object.keys(d.layers)).toEqual(Object.keys(r.layers));
        for (const [id, stats] of Object.entries(r.layers)) {
          close(d.layers[id].actMean, stats.actMean, `${id} activation mean`);
          close(d.layers[id].actStd, stats.actStd, `${id} activation std`);
          if (stats.weightNorm !== undefined) close(d.layers[id].weightNorm, stats.weightNorm, `${id} weight norm`);
          if (stats.gradNorm !== undefined) close(d.layers[id].gradNorm, stats.gradNorm, `${id} gradient norm`);
        }
      }
      if (r.event === 'done' && d.event === 'done') {
        expect(d.status).toBe('completed');
        close(d.finalValLoss, r.finalValLoss, 'final validation loss');
      }
    });
  });

  it('reports the same R² on a regression', async () => {
    const dataset = createGeneratedDataset('sine', { samples: 128, seed: 1 });
    const graph = { ...sineGraph(0.05), training: { ...sineGraph(0.05).training, epochs: 3 } };
    const last = (events: EngineEvent[]) =>
      events.filter((e): e is Extract<EngineEvent, { event: 'epoch' }> => e.event === 'epoch').at(-1)!;
    const [ref, dev] = [last(await run('train', graph, dataset)), last(await run('device', graph, dataset))];
    close(dev.valR2, ref.valR2, 'validation R²');
    close(dev.trainLoss, ref.trainLoss, 'train loss');
    expect(dev.trainAcc).toBeUndefined();
  });

  it('ends a run whose loss blows up as diverged, naming a step', async () => {
    const dataset = createGeneratedDataset('sine', { samples: 64, seed: 1 });
    const events = await run('device', sineGraph(10), dataset);
    const done = events.find((e): e is Extract<EngineEvent, { event: 'done' }> => e.event === 'done')!;
    expect(done.status).toBe('diverged');
    expect(done.divergedAtStep).toBeGreaterThan(0);
    // Whatever stopped being finite first (the loss, or a node's outputs), named with its step.
    expect(done.message).toMatch(/^diverged at step \d+ \(epoch \d+\): .*became/);
  });
});
