// Engine process entry for Node hosts: a worker thread (worker_threads) or a forked child process.
// Same protocol either way; see src-shared/engineProtocol.ts.
import { parentPort } from 'node:worker_threads';
import { createEngineSession } from './runJob/session';
import type { EngineToHost } from '../../../src-shared/engineProtocol';

function start(): void {
  if (parentPort) {
    const port = parentPort;
    const session = createEngineSession((message: EngineToHost) => port.postMessage(message));
    port.on('message', (message: unknown) => session.receive(message));
    port.postMessage({ type: 'ready' } satisfies EngineToHost);
    return;
  }
  if (process.send) {
    const send = (message: EngineToHost): void => {
      // The channel is gone when the host died; nothing is left to tell.
      if (process.connected) process.send!(message);
    };
    const session = createEngineSession(send);
    process.on('message', (message: unknown) => session.receive(message));
    // The host closing the channel (or dying) ends this process, so no engine outlives its app.
    process.on('disconnect', () => process.exit(0));
    send({ type: 'ready' });
    return;
  }
  process.stderr.write('runWorker must be started as a worker thread or a forked child process\n');
  process.exitCode = 2;
}

start();
