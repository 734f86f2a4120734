// Entry of the dedicated Web Worker that runs training on WebGPU (or on the CPU when there is no
// adapter), for the app's hidden engine window and for serve mode's page. Protocol: workerProtocol.ts
// and docs/webgpu.md. Start it with `new Worker(new URL('./webgpuWorker.ts', import.meta.url), { type: 'module' })`.
import '../../ops';
import '../../layers';
import '../../losses';
import { createBrowserEngineSession } from './session';
import type { WorkerReply } from './workerProtocol';

/** What this file needs of a dedicated worker's global scope (the DOM lib types `self` as a window). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const worker = self as unknown as WorkerScope;
const post = (message: WorkerReply): void => worker.postMessage(message);
const session = createBrowserEngineSession(post, worker);
worker.addEventListener('message', (event) => session.receive(event.data));
post({ type: 'ready' });
