// Serve mode: the app page is the server's device host. It probes WebGPU, attaches over the API
// socket with the result, and runs the engine workers the server opens here. Big frames go in
// chunks (binaryMessage.ts); one too big even for that fails its run with the sizes in words.
import {
  decodeBinaryMessage,
  encodeBinaryMessage,
  MAX_DEVICE_MESSAGE_BYTES,
  megabytes,
  splitBinaryMessage,
} from '../../src-shared/binaryMessage';
import type { HostToApp } from '../../src-shared/deviceRelay';
import type { WebSocketApi } from '../transport';
import { createDeviceHostClient, type DeviceHostClient, type EngineWorker } from './deviceHostClient';
import { startEngineWorker } from './engineWorker';
import { probeHere } from './probeHere';

type Socket = Pick<WebSocketApi, 'ready' | 'sendBinary' | 'onBinary'>;

/** Attaches this page; resolves once the attach frame is sent. */
export async function startServeDeviceHost(
  socket: Socket,
  startWorker: () => EngineWorker = startEngineWorker,
  probe = probeHere,
  maxMessageBytes = MAX_DEVICE_MESSAGE_BYTES,
): Promise<DeviceHostClient> {
  const send = (frame: HostToApp): void => {
    const encoded = encodeBinaryMessage(frame);
    if (encoded.byteLength > maxMessageBytes && frame.kind === 'relay') {
      const what = frame.message.type === 'checkpoint' ? 'checkpoint (its weights)' : `"${String(frame.message.type)}" message`;
      const reason = `the run's ${what} is ${megabytes(encoded.byteLength)}, more than the ${megabytes(maxMessageBytes)} a page may send to the LayerLab server`;
      return socket.sendBinary(encodeBinaryMessage({ kind: 'exit', runId: frame.runId, reason } satisfies HostToApp));
    }
    for (const chunk of splitBinaryMessage(encoded)) socket.sendBinary(chunk);
  };
  const client = createDeviceHostClient({
    send,
    startWorker,
    onProblem: (text) => console.warn(`LayerLab device host: ${text}`),
  });
  socket.onBinary((data) => {
    let frame: unknown;
    try {
      frame = decodeBinaryMessage(data);
    } catch (e) {
      return console.warn(`LayerLab device host: ${(e as Error).message}`);
    }
    client.receive(frame);
  });
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => client.closeAll());
  const [result] = await Promise.all([probe(), socket.ready]);
  send({ kind: 'attach', probe: result });
  return client;
}
