// The engine side of the protocol, independent of the transport: it validates what the host sends,
// runs one job (training, a dataset preview, an evaluation or a gradient check) and posts typed messages back.
import { hostToEngineSchema, type EngineToHost } from '../../../../src-shared/engineProtocol';
import { RunControl } from './runControl';
import { trainJob } from './trainJob';
import { previewJob } from './previewJob';
import { evaluateJob } from './evaluateJob';
import { gradcheckJob } from './gradcheckJob';
import { ensembleJob } from './ensembleJob';
import { word2vecJob } from './word2vecJob';
import { exportJob } from './exportJob';

export interface EngineSession {
  receive(message: unknown): void;
}

export function createEngineSession(post: (message: EngineToHost) => void): EngineSession {
  const control = new RunControl();
  let busy = false;

  const runJob = (job: () => Promise<void>): void => {
    if (busy) {
      post({ type: 'failed', message: 'this engine process already has a job' });
      return;
    }
    busy = true;
    job()
      .catch((e: unknown) =>
        post({
          type: 'failed',
          message: `the engine stopped with an internal error: ${e instanceof Error ? e.message : String(e)}`,
        }),
      )
      .finally(() => post({ type: 'finished' }));
  };

  return {
    receive(raw) {
      const parsed = hostToEngineSchema.safeParse(raw);
      if (!parsed.success) {
        post({
          type: 'failed',
          message: `the engine received a malformed message: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`,
        });
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'train':
          if (!busy) control.setPace(message.pace ?? {});
          return runJob(() => trainJob(message, post, control));
        case 'preview':
          return runJob(() => previewJob(message.datasetId, message.options ?? {}, post));
        case 'evaluate':
          return runJob(() => evaluateJob(message, post));
        case 'gradcheck':
          return runJob(() => gradcheckJob(message, post));
        case 'ensemble':
          return runJob(() => ensembleJob(message, post));
        case 'word2vec':
          return runJob(() => word2vecJob(message, post));
        case 'export':
          return runJob(() => exportJob(message, post));
        case 'pause':
          return control.pause();
        case 'resume':
          return control.resume();
        case 'stop':
          return control.stop();
        case 'step':
          return control.step(message.unit);
        case 'speed':
          return control.setDelay(message.delayMs);
      }
    },
  };
}
