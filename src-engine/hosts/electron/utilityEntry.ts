// Engine process entry for Electron: a utility process talking over process.parentPort.
// Same protocol and session as the Node worker (src-engine/hosts/node/runWorker.ts).
import { createEngineSession } from '../node/runJob/session';
import type { EngineToHost } from '../../../src-shared/engineProtocol';
import { trainBelowNormalPriority } from '../node/backgroundPriority';

/** The part of Electron's ParentPort this entry uses (declared here so the engine needs no electron import). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

if (!parentPort) {
  process.stderr.write('utilityEntry must be started with Electron utilityProcess.fork\n');
  process.exit(2);
} else {
  trainBelowNormalPriority();
  const session = createEngineSession((message: EngineToHost) => parentPort.postMessage(message));
  parentPort.on('message', (event) => session.receive(event.data));
  parentPort.postMessage({ type: 'ready' } satisfies EngineToHost);
}
