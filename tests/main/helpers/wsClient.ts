// Node helpers for the serve-mode WebSocket: the renderer's own client over the `ws` package,
// and a raw socket for sending malformed messages.
import WebSocket from 'ws';
import { createWebSocketApi, type SocketLike, type WebSocketApi } from '../../../src-shared/wsApiClient';

export function apiClient(url: string): WebSocketApi {
  return createWebSocketApi(url, (u) => new WebSocket(u) as unknown as SocketLike);
}

export function apiUrl(port: number, token?: string): string {
  return `ws://127.0.0.1:${port}/api${token === undefined ? '' : `?token=${token}`}`;
}

/** Opens a raw socket; resolves when open, rejects with the HTTP status if the upgrade is refused. */
export function rawSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', (e) => reject(e));
  });
}

/** Sends raw text and resolves with the next message that is not a pushed update. */
export function exchange(ws: WebSocket, text: string): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { push?: string };
      if (message.push) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(text);
  });
}
