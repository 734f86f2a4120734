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
import { nestsDeeperThan, TOO_DEEP } from '../../src-shared/requestLimits';

export function serveApiOn(socket: WebSocket, services: AppServices): void {
  const send = (message: WsServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = services.onRunUpdates((updates) => send({ push: EVENT_CHANNELS.runUpdates, payload: updates }));
  const answer = (value: unknown): void => {
    const id = (value as { id?: unknown } | null)?.id;
    const replyId = typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
    // Checked before the schema, whose recursive walk a deep value would overflow.
    if (nestsDeeperThan(value)) return send({ id: replyId, ok: false, error: TOO_DEEP });
    const parsed = wsRequestSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      return send({ id: replyId, ok: false, error: `malformed request${where}: ${issue?.message ?? 'unknown problem'}` });
    }
    const { id: requestId, channel, args } = parsed.data;
    services.dispatch(channel, args).then(
      (result) => send({ id: requestId, ok: true, result: result ?? null }),
      (e: unknown) => send({ id: requestId, ok: false, error: errorMessage(e) }),
    );
  };
  // Binary frames are the page's device-host relay (GPU engine workers), or API requests too big
  // for one frame, in chunks; requests are otherwise JSON text.
  const device = deviceSocket(
    services.devices,
    (frame) => {
      if (socket.readyState === socket.OPEN) socket.send(frame);
    },
    (request) => answer(request),
  );
  // A protocol error (an oversized or unmasked frame, invalid UTF-8, a reserved opcode or close
  // code): ws has already closed this socket with the matching code. Only this client is affected;
  // without a listener, Node would treat the 'error' event as fatal and end the whole server.
  socket.on('error', () => undefined);
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
    answer(value);
  });
}
