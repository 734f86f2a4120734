// Serve mode: the app page is the server's device host. It probes WebGPU, attaches over the API
// socket with the result, and runs the engine workers the server opens here.
import { decodeBinaryMessage, encodeBinaryMessage } from '../../src-shared/binaryMessage';
import type { HostToApp } from '../../src-shared/deviceRelay';
import type { WebSocketApi } from '../transport';
import { createDeviceHostClient, type DeviceHostClient, type EngineWorker } from './deviceHostClient';
import { startEngineWorker } from './engineWorker';
import { probeHere } from './probeHere';

type Socket = Pick<WebSocketApi, 'ready' | 'sendBinary' | 'onBinary'>;

/** Attaches this page; resolves once the attach frame is sent. */
export async function startServeDeviceHost(socket: Socket, startWorker: () => EngineWorker = startEngineWorker, probe = probeHere): Promise<DeviceHostClient> {
  const send = (frame: HostToApp): void => socket.sendBinary(encodeBinaryMessage(frame));
  const client = createDeviceHostClient({ send, startWorker, onProblem: (text) => console.warn(`LayerLab device host: ${text}`) });
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
