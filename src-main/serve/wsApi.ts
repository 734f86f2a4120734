// The API over a WebSocket: `{id, channel, args}` requests answered by `{id, ok, result | error}`,
// and run updates pushed as `{push: 'runs:update', payload}`; binary frames carry the device-host
// relay (deviceSocket.ts). Every message is validated first;
// a malformed one gets an error answer and changes nothing.
import type { WebSocket } from 'ws';
import { wsRequestSchema, type WsServerMessage } from '../../src-shared/apiSchemas';
import { EVENT_CHANNELS } from '../../src-shared/contract';
import type { AppServices } from '../services/appServices';
import { errorMessage } from '../services/dispatcher';
import { deviceSocket } from './deviceSocket';

export function serveApiOn(socket: WebSocket, services: AppServices): void {
  const send = (message: WsServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = services.onRunUpdates((updates) => send({ push: EVENT_CHANNELS.runUpdates, payload: updates }));
  // Binary frames are the page's device-host relay (GPU engine workers); requests are JSON text.
  const device = deviceSocket(services.devices, (frame) => {
    if (socket.readyState === socket.OPEN) socket.send(frame);
  });
  socket.on('close', () => {
    unsubscribe();
    device.close();
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      const error = device.receive(data);
      return error ? send({ id: null, ok: false, error }) : undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(data.toString());
    } catch {
      return send({ id: null, ok: false, error: 'the request is not valid JSON' });
    }
    const parsed = wsRequestSchema.safeParse(value);
    if (!parsed.success) {
      const id = (value as { id?: unknown } | null)?.id;
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      return send({ id: typeof id === 'number' ? id : null, ok: false, error: `malformed request${where}: ${issue?.message ?? 'unknown problem'}` });
    }
    const { id, channel, args } = parsed.data;
    services.dispatch(channel, args).then(
      (result) => send({ id, ok: true, result: result ?? null }),
      (e: unknown) => send({ id, ok: false, error: errorMessage(e) }),
    );
  });
}
