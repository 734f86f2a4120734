// One run's engine on a device host (a page or hidden window running the WebGPU engine worker),
// seen by the run manager as an ordinary EngineProcess. It loads the dataset in Node, off the main
// thread (deviceHostDataset.ts; the worker cannot read files), sends it with the train request, and turns the worker's backend
// reply into the engine protocol's. The host going away or the worker dying is the engine's exit.
import { ENGINE_PROTOCOL, type HostToEngine } from '../../src-shared/engineProtocol';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { describeAdapter, type AppToHost } from '../../src-shared/deviceRelay';
import type { Dataset } from '../../src-engine/data/types';
import { exitLatch, type EngineProcess } from './engineProcess';

export type GraphDatasetLoader = (graph: GraphDoc) => Promise<Dataset>;

export interface DeviceEngine {
  engine: EngineProcess;
  /** A message the run's worker sent (validated as a frame, not yet as a message). */
  receive(message: Record<string, unknown>): void;
  /** The host or the worker is gone: the engine exits with this reason. */
  end(reason: string): void;
}

export function createDeviceEngine(
  runId: string,
  graph: GraphDoc,
  send: (frame: AppToHost) => void,
  loadDataset: GraphDatasetLoader,
): DeviceEngine {
  const latch = exitLatch();
  const listeners: Array<(message: unknown) => void> = [];
  const deliver = (message: unknown): void => {
    if (latch.exited) return;
    for (const listener of listeners) listener(message);
  };
  const relay = (message: unknown): void => {
    if (!latch.exited) send({ kind: 'relay', runId, message: message as Record<string, unknown> });
  };

  async function startTraining(request: Extract<HostToEngine, { type: 'train' }>): Promise<void> {
    let dataset: Dataset;
    try {
      dataset = await loadDataset(graph);
    } catch (e) {
      deliver({
        type: 'failed',
        message: `the dataset "${graph.training.dataset}" could not be loaded: ${(e as Error).message}`,
      });
      deliver({ type: 'finished' });
      return;
    }
    relay({
      type: 'train',
      protocol: ENGINE_PROTOCOL,
      runId,
      graph: request.graph,
      dataset,
      backend: request.graph.training.backend ?? 'webgpu',
      ...(request.stepEventEvery !== undefined ? { stepEventEvery: request.stepEventEvery } : {}),
      ...(request.insights ? { insights: request.insights } : {}),
      ...(request.pace ? { pace: request.pace } : {}),
    });
  }

  send({ kind: 'open', runId });
  return {
    engine: {
      send(message) {
        if (latch.exited) return;
        if (message.type === 'train') void startTraining(message);
        else if (message.type === 'preview') {
          deliver({ type: 'failed', message: 'dataset previews are not made on a device host' });
          deliver({ type: 'finished' });
        } else relay(message);
      },
      onMessage(listener) {
        listeners.push(listener);
      },
      onExit: latch.onExit,
      kill() {
        if (latch.exited) return;
        send({ kind: 'close', runId });
        latch.end({ code: null, signal: 'kill' });
      },
    },
    receive(message) {
      if (message.type === 'probe') return;
      if (message.type === 'backend') return deliver(translateBackend(message));
      deliver(message);
    },
    end(reason) {
      latch.end({ code: null, signal: null, reason });
    },
  };
}

/** The worker names its adapter with fields; the engine protocol carries it in words. */
function translateBackend(message: Record<string, unknown>): unknown {
  const { adapter, ...rest } = message;
  if (!adapter || typeof adapter !== 'object') return rest;
  const a = adapter as Record<string, unknown>;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    ...rest,
    adapter: describeAdapter({
      vendor: text(a.vendor),
      architecture: text(a.architecture),
      description: text(a.description),
      fallback: a.fallback === true,
    }),
  };
}
