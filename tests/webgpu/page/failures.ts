/// <reference types="@webgpu/types" />
// Failure paths: a device lost in the middle of a run, and a shader that does not compile. The
// run must end as failed with the reason, and the next run must work.
import { browserTrainJob } from '../../../src-engine/hosts/browser/trainJob';
import { RunControl } from '../../../src-engine/hosts/node/runJob/runControl';
import { ENGINE_PROTOCOL } from '../../../src-shared/engineProtocol';
import { openDevice } from '../../../src-engine/hosts/browser/openDevice';
import { createWebGpuBackend } from '../../../src-engine/kernels/webgpu';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { Dataset } from '../../../src-engine/data/types';
import type { TrainRequest, WorkerReply } from '../../../src-engine/hosts/browser/workerProtocol';
import { withTraining } from './training';

/** A navigator.gpu whose devices we can reach, so the test can destroy one mid-run. */
function capturingScope(devices: GPUDevice[]): unknown {
  const gpu = navigator.gpu;
  return {
    isSecureContext: true,
    navigator: {
      gpu: {
        requestAdapter: async (options?: GPURequestAdapterOptions) => {
          const adapter = await gpu.requestAdapter(options);
          if (!adapter) return null;
          return new Proxy(adapter, {
            get(target, key) {
              if (key === 'requestDevice') {
                return async (descriptor?: GPUDeviceDescriptor) => {
                  const device = await target.requestDevice(descriptor);
                  devices.push(device);
                  return device;
                };
              }
              const value = Reflect.get(target, key, target) as unknown;
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
            },
          });
        },
      },
    },
  };
}

export async function deviceLossRun(graph: GraphDoc, dataset: Dataset): Promise<{ lost: string[]; next: string[] }> {
  const run = async (destroyAfterFirstEpoch: boolean) => {
    const devices: GPUDevice[] = [];
    const seen: string[] = [];
    const post = (m: WorkerReply) => {
      seen.push(m.type === 'event' ? `event:${m.event.event}` : m.type === 'failed' ? `failed:${m.message}` : m.type);
      if (destroyAfterFirstEpoch && m.type === 'event' && m.event.event === 'epoch' && m.event.epoch === 1) devices[0]?.destroy();
    };
    const request: TrainRequest = {
      type: 'train',
      protocol: ENGINE_PROTOCOL,
      runId: 'lost',
      graph: withTraining(graph, { epochs: 6 }),
      dataset,
      backend: 'webgpu',
    };
    await browserTrainJob(request, post, new RunControl(), capturingScope(devices));
    return seen;
  };
  return { lost: await run(true), next: await run(false) };
}

export async function shaderErrorRun(): Promise<{ message: string; afterwards: number[] }> {
  const opened = await openDevice();
  if (!opened.ok) throw new Error(opened.reason);
  const gpu = createWebGpuBackend(opened.device);
  const x = gpu.upload([1, 2, 3], 3);
  const y = gpu.alloc(3);
  gpu.run({ key: 'broken', inputs: ['X'], outputs: ['Y'], body: 'fn main() { this is not WGSL }' }, [x], [y], { ints: [3] }, [1]);
  let message = '';
  try {
    await gpu.read(y, 3);
  } catch (error) {
    message = (error as Error).message;
  }
  opened.device.destroy();
  // A fresh device works after the broken one.
  const again = await openDevice();
  if (!again.ok) throw new Error(again.reason);
  const fresh = createWebGpuBackend(again.device);
  const values = Array.from(await fresh.read(fresh.upload([4, 5, 6], 3), 3));
  again.device.destroy();
  return { message, afterwards: values };
}
