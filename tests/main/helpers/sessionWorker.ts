// A dedicated-worker stand-in that runs the real browser engine session in Node (asynchronous
// both ways, as postMessage is), for driving the page's device-host code outside a browser.
import '../../../src-engine/ops';
import '../../../src-engine/layers';
import '../../../src-engine/losses';
import { createBrowserEngineSession } from '../../../src-engine/hosts/browser/session';
import type { EngineWorker } from '../../../src-renderer/engineHost/deviceHostClient';

export function sessionWorker(): EngineWorker & { terminated: boolean } {
  const worker: EngineWorker & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => !worker.terminated && session.receive(structuredClone(message)), 0);
    },
    terminate() {
      worker.terminated = true;
      session.receive({ type: 'stop' });
    },
  };
  const session = createBrowserEngineSession((reply) => {
    setTimeout(() => !worker.terminated && worker.onmessage?.({ data: structuredClone(reply) }), 0);
  }, {});
  setTimeout(() => worker.onmessage?.({ data: { type: 'ready' } }), 0);
  return worker;
}
