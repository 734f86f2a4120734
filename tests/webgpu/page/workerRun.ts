// Runs a training job through the real engine worker (webgpuWorker.ts) and records the message
// sequence, as the app's hidden engine window will see it.
import { ENGINE_PROTOCOL } from '../../../src-shared/engineProtocol';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { Dataset } from '../../../src-engine/data/types';
import type { WorkerReply, WorkerRequest } from '../../../src-engine/hosts/browser/workerProtocol';
import { withTraining, type TrainingOverrides } from './training';

export interface WorkerRunOptions {
  backend: 'webgpu' | 'cpu';
  overrides?: TrainingOverrides;
  /** Send `stop` when the first epoch event arrives. */
  stopAfterFirstEpoch?: boolean;
  /** Send a malformed message first. */
  sendGarbage?: boolean;
}

type Checkpoint = Extract<WorkerReply, { type: 'checkpoint' }>;

/** A checkpoint with its arrays replaced by their sizes (the rest of the messages as received). */
export type LoggedReply =
  | Exclude<WorkerReply, Checkpoint>
  | (Omit<Checkpoint, 'tensors'> & { tensors: Array<{ name: string; size: number; finite: boolean }> });

function summarize(m: WorkerReply): LoggedReply {
  if (m.type !== 'checkpoint') return m;
  return { ...m, tensors: m.tensors.map((t) => ({ name: t.name, size: t.data.length, finite: t.data.every(Number.isFinite) })) };
}

export function workerRun(graph: GraphDoc, dataset: Dataset, options: WorkerRunOptions): Promise<LoggedReply[]> {
  const worker = new Worker(new URL('../../../src-engine/hosts/browser/webgpuWorker.ts', import.meta.url), { type: 'module' });
  const messages: LoggedReply[] = [];
  const send = (m: WorkerRequest | { type: 'nonsense' }) => worker.postMessage(m);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not finish; got ${JSON.stringify(messages.slice(-3))}`)), 90_000);
    worker.addEventListener('error', (e) => reject(new Error(`worker error: ${e.message}`)));
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const m = event.data;
      messages.push(summarize(m));
      if (m.type === 'ready') {
        if (options.sendGarbage) send({ type: 'nonsense' });
        send({ type: 'probe' });
      } else if (m.type === 'probe') {
        send({
          type: 'train',
          protocol: ENGINE_PROTOCOL,
          runId: 'r1',
          graph: withTraining(graph, options.overrides ?? {}),
          dataset,
          backend: options.backend,
          stepEventEvery: 4,
        });
      } else if (m.type === 'event' && m.event.event === 'epoch' && options.stopAfterFirstEpoch && m.event.epoch === 1) {
        send({ type: 'stop' });
      } else if (m.type === 'finished') {
        clearTimeout(timer);
        worker.terminate();
        resolve(messages);
      }
    });
  });
}
