// The test page: opens the WebGPU device once and exposes the suites to the vitest side
// (window.layerlab.*), which calls them through playwright and asserts on the results.
import '../../../src-engine/ops';
import '../../../src-engine/layers';
import '../../../src-engine/losses';
import { CpuBackend, registerCpuKernels } from '../../../src-engine/kernels/cpu';
import { createWebGpuBackend, type WebGpuBackend } from '../../../src-engine/kernels/webgpu';
import { registeredKernels } from '../../../src-engine/kernels/registry';
import { openDevice, type AdapterSummary } from '../../../src-engine/hosts/browser/openDevice';
import { probeWebGpu } from '../../../src-engine/hosts/browser/probeWebGpu';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import irisGraph from '../../../examples/iris-mlp.json';
import xorGraph from '../../../examples/xor.json';
import mnistGraph from '../../../examples/mnist-cnn.json';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { opParity } from './opParity';
import { kernelParity } from './kernelParity';
import { layerParity } from './layerParity';
import { trainGraph, type TrainingOverrides } from './training';
import { irisDataset, mnistSubset } from './datasets';
import { workerRun, type WorkerRunOptions } from './workerRun';
import { deviceLossRun, shaderErrorRun } from './failures';

registerCpuKernels();
const cpu64 = new CpuBackend('float64');
const cpu32 = new CpuBackend('float32');

let opened: Promise<{ gpu: WebGpuBackend; adapter: AdapterSummary } | { reason: string }> | null = null;

async function device() {
  opened ??= openDevice().then((r) => (r.ok ? { gpu: createWebGpuBackend(r.device), adapter: r.adapter } : { reason: r.reason }));
  const r = await opened;
  if ('reason' in r) throw new Error(`no WebGPU device: ${r.reason}`);
  return r;
}

/** examples/xor.json's network on the moons, 5 epochs. */
function moonsGraph(): GraphDoc {
  const xor = xorGraph as GraphDoc;
  return { ...xor, training: { ...xor.training, dataset: 'moons', epochs: 5, batchSize: 16, validationSplit: 0.2 } };
}

const backendFor = async (name: 'webgpu' | 'cpu') => (name === 'webgpu' ? (await device()).gpu : cpu32);

const api = {
  probe: () => probeWebGpu(),
  async adapter() {
    return (await device()).adapter;
  },
  async kernels() {
    await device();
    return { cpu: registeredKernels('cpu').sort(), webgpu: registeredKernels('webgpu').sort() };
  },
  opParity: async () => opParity((await device()).gpu, cpu64),
  layerParity: async () => layerParity((await device()).gpu, cpu64),
  kernelParity: async () => kernelParity((await device()).gpu, cpu64),
  trainIris: async (backend: 'webgpu' | 'cpu', overrides: TrainingOverrides = {}) =>
    trainGraph(irisGraph as GraphDoc, irisDataset(), await backendFor(backend), overrides),
  trainMnist: async (backend: 'webgpu' | 'cpu', overrides: TrainingOverrides = {}) =>
    trainGraph(mnistGraph as GraphDoc, await mnistSubset(), await backendFor(backend), overrides),
  /** A small 2-D classifier with histograms and the decision boundary per epoch (insights). */
  trainMoons: async (backend: 'webgpu' | 'cpu') =>
    trainGraph(
      moonsGraph(),
      createGeneratedDataset('moons', { samples: 200, seed: 1 }),
      await backendFor(backend),
      {},
      { histograms: true, boundary: { x: [-1.5, 2.5], y: [-1, 1.5], resolution: 24 } },
    ),
  workerRun: (options: WorkerRunOptions) => workerRun(irisGraph as GraphDoc, irisDataset(), options),
  deviceLossRun: () => deviceLossRun(irisGraph as GraphDoc, irisDataset()),
  shaderErrorRun: () => shaderErrorRun(),
};

Object.assign(window, { layerlab: api, layerlabReady: true });
export type TestApi = typeof api;
