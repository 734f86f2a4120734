// The browser engine worker's side of the protocol, independent of the transport: validates what
// the host sends, answers probes, runs one training job at a time, and relays pause/resume/stop.
import { RunControl } from '../node/runJob/runControl';
import { probeWebGpu } from './probeWebGpu';
import { browserTrainJob } from './trainJob';
import { workerRequestSchema, type WorkerReply } from './workerProtocol';

export interface BrowserEngineSession {
  receive(message: unknown): void;
}

export function createBrowserEngineSession(
  post: (message: WorkerReply) => void,
  scope: unknown = globalThis,
): BrowserEngineSession {
  let control: RunControl | null = null;

  return {
    receive(raw) {
      const parsed = workerRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        post({
          type: 'failed',
          message: `the engine worker received a malformed message${issue ? ` (${issue.path.join('.') || 'message'}: ${issue.message})` : ''}`,
        });
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'probe':
          void probeWebGpu(scope).then((result) => post({ type: 'probe', result }));
          return;
        case 'train': {
          if (control) {
            post({ type: 'failed', message: 'this engine worker already has a training job' });
            return;
          }
          const job = new RunControl(message.pace);
          control = job;
          browserTrainJob(message, post, job, scope)
            .catch((e: unknown) =>
              post({
                type: 'failed',
                message: `the engine stopped with an internal error: ${e instanceof Error ? e.message : String(e)}`,
              }),
            )
            .finally(() => {
              control = null;
              post({ type: 'finished' });
            });
          return;
        }
        case 'pause':
          return control?.pause();
        case 'resume':
          return control?.resume();
        case 'stop':
          return control?.stop();
        case 'step':
          return control?.step(message.unit);
        case 'speed':
          return control?.setDelay(message.delayMs);
      }
    },
  };
}
