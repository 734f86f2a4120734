// Training speed on a backend, for bench/webgpu.ts (and a "measure speed" button later): the MLP
// 784-256-128-10 with Adam at batch 128, and the small CNN of examples/mnist-cnn.json at batch
// 64 (the models and batches of bench/training.ts), on random MNIST-shaped data. Warm-up steps (pipeline compilation) are not timed; the timed
// steps end with a read of the last loss, so queued GPU work is counted.
import { getBackend, setBackend, type Backend } from '../../core/backend';
import { backward, noGrad } from '../../core/autograd';
import { tensor, type Tensor } from '../../core/tensor';
import { Rng } from '../../core/rng';
import { runInScope } from '../../kernels/webgpu/scope';
import { prepareRun } from '../../train/prepareRun';
import { makeDataset } from '../../data/make-dataset';
import { GRAPH_FORMAT, type GraphDoc } from '../../../src-shared/graphFormat';

export interface BenchCase {
  model: string;
  backend: string;
  batchSize: number;
  steps: number;
  seconds: number;
  samplesPerSec: number;
}

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params });
const chain = (ids: string[]) => ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i], target: id }));

function graph(name: string, nodes: GraphDoc['nodes'], batchSize: number): GraphDoc {
  return {
    format: GRAPH_FORMAT,
    name,
    nodes,
    edges: chain(nodes.map((n) => n.id)),
    training: {
      dataset: 'mnist',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.001 },
      batchSize,
      epochs: 1,
      seed: 1,
      validationSplit: 0,
    },
  } as GraphDoc;
}

export const BENCH_GRAPHS: Array<{ model: string; graph: GraphDoc }> = [
  {
    model: 'MLP 784-256-128-10',
    graph: graph(
      'bench-mlp',
      [
        node('input', 'Input', { shape: [784] }),
        node('d1', 'Dense', { units: 256, activation: 'relu' }),
        node('d2', 'Dense', { units: 128, activation: 'relu' }),
        node('out', 'Dense', { units: 10, activation: 'softmax' }),
      ],
      128,
    ),
  },
  {
    model: 'CNN (examples/mnist-cnn)',
    graph: graph(
      'bench-cnn',
      [
        node('input', 'Input', { shape: [28, 28, 1] }),
        node('c1', 'Conv2D', { filters: 8, kernelSize: [3, 3], activation: 'relu' }),
        node('p1', 'MaxPool2D', { poolSize: [2, 2] }),
        node('c2', 'Conv2D', { filters: 16, kernelSize: [3, 3], activation: 'relu' }),
        node('p2', 'MaxPool2D', { poolSize: [2, 2] }),
        node('f', 'Flatten'),
        node('out', 'Dense', { units: 10, activation: 'softmax' }),
      ],
      64,
    ),
  },
];

/** Random digits: pixels in [0, 1), labels 0..9 (speed does not depend on the values). */
function randomDigits(count: number, inputShape: number[]) {
  const size = inputShape.reduce((a, b) => a * b, 1);
  return makeDataset({
    id: 'mnist',
    name: 'random digits',
    description: 'benchmark data',
    task: 'classification',
    inputShape,
    targetShape: [1],
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    x: Float32Array.from({ length: count * size }, () => Math.random()),
    y: Float32Array.from({ length: count }, () => Math.floor(Math.random() * 10)),
    count,
  });
}

/** Trains `graph` on `backend` for about `seconds` after `warmup` untimed steps. */
export async function benchmarkGraph(
  model: string,
  graphDoc: GraphDoc,
  backend: Backend,
  seconds: number,
  warmup = 3,
): Promise<BenchCase> {
  const previous = getBackendOrNull();
  setBackend(backend);
  try {
    const input = graphDoc.nodes[0].params?.shape as number[];
    const sample = input.reduce((a, b) => a * b, 1);
    const batchSize = graphDoc.training.batchSize;
    const prepared = prepareRun(graphDoc, randomDigits(batchSize * 4, input));
    if (!prepared.ok)
      throw new Error(`benchmark graph ${model} does not validate: ${prepared.issues.map((i) => i.message).join('; ')}`);
    const { model: net, optimizer, setup } = prepared.run;
    const params = net.params();
    const state = net.stateTensors();
    const rng = new Rng(1);
    // Four batches uploaded once: the benchmark measures training, not host-to-device copies.
    const batches = [0, 1, 2, 3].map((b) => ({
      x: tensor(setup.train.x.subarray(b * batchSize * sample, (b + 1) * batchSize * sample), [batchSize, ...input]),
      y: tensor(
        Float32Array.from({ length: batchSize * 10 }, (_, i) =>
          i % 10 === setup.train.y[b * batchSize + Math.floor(i / 10)] ? 1 : 0,
        ),
        [batchSize, 10],
      ),
    }));
    const step = (i: number): Tensor =>
      runInScope(
        backend,
        state,
        () => {
          const { x, y } = batches[i % batches.length];
          for (const p of params) p.grad = null;
          const loss = setup.loss.compute(net.forward(x, { training: true, rng }, { logitsFor: 'softmax' }).output, y);
          backward(loss, tensor([1], []));
          noGrad(() => optimizer.step(params));
          return loss;
        },
        (loss) => [loss],
      );
    for (let i = 0; i < warmup; i++) {
      const loss = step(i);
      await loss.read();
      loss.dispose();
    }
    const t0 = performance.now();
    let steps = 0;
    let last: Tensor | null = null;
    while (performance.now() - t0 < seconds * 1000) {
      // Wait for the GPU every 10 steps, so queued work cannot hide from the clock for long.
      for (let k = 0; k < 10; k++, steps++) {
        last?.dispose();
        last = step(steps);
      }
      await last!.read();
    }
    const elapsed = (performance.now() - t0) / 1000;
    return { model, backend: backend.name, batchSize, steps, seconds: elapsed, samplesPerSec: (steps * batchSize) / elapsed };
  } finally {
    if (previous) setBackend(previous);
  }
}

function getBackendOrNull(): Backend | null {
  try {
    return getBackend();
  } catch {
    return null;
  }
}

export async function benchmarkTraining(backend: Backend, seconds = 5): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (const { model, graph: g } of BENCH_GRAPHS) cases.push(await benchmarkGraph(model, g, backend, seconds));
  return cases;
}
