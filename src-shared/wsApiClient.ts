// The API over the serve-mode WebSocket: numbered requests, answers matched by id, run updates
// pushed in batches. No reconnection: if the server goes away, calls reject with a plain message.
import type { MenuCommand, RunUpdate } from './api';
import type { LayerLabApi } from './contract';
import type { WsServerMessage } from './apiSchemas';
import { createApiClient, type ApiCarrier } from './apiClient';
import { CHUNK_BYTES, encodeBinaryMessage, megabytes, splitBinaryMessage } from './binaryMessage';
import { MAX_REQUEST_BYTES } from './requestLimits';

/** The part of the WebSocket interface used here (the browser's, or `ws` in Node tests). */
export interface SocketLike {
  readonly readyState: number;
  /** Binary frames arrive as ArrayBuffers when this is 'arraybuffer'. */
  binaryType?: string;
  send(data: string | ArrayBuffer): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export interface WebSocketApi extends LayerLabApi {
  /** Resolves when connected; rejects if the connection cannot be made. */
  ready: Promise<void>;
  /** Binary frames of the device-host relay (the page running GPU engine workers for the server). */
  sendBinary(frame: ArrayBuffer): void;
  onBinary(listener: (frame: ArrayBuffer) => void): () => void;
  close(): void;
}

const LOST = 'the connection to the LayerLab server was lost; restart `npm run serve` and reload the page';

export function createWebSocketApi(
  url: string,
  open: SocketFactory = (u) => new WebSocket(u) as unknown as SocketLike,
): WebSocketApi {
  const socket = open(url);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const updateListeners = new Set<(u: RunUpdate) => void>();
  const binaryListeners = new Set<(frame: ArrayBuffer) => void>();
  socket.binaryType = 'arraybuffer';
  let nextId = 1;
  let closedReason: string | null = null;
  let markOpen: () => void = () => undefined;
  let markFailed: (e: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markOpen = resolve;
    markFailed = reject;
  });
  // Unhandled if nobody awaits `ready`: calls report the failure themselves.
  ready.catch(() => undefined);

  socket.onopen = () => markOpen();
  socket.onclose = () => {
    closedReason ??= LOST;
    markFailed(new Error(closedReason));
    for (const { reject } of pending.values()) reject(new Error(closedReason));
    pending.clear();
  };
  socket.onerror = () => undefined;
  socket.onmessage = (ev) => {
    if (ev.data instanceof ArrayBuffer) {
      for (const listener of binaryListeners) listener(ev.data);
      return;
    }
    let message: WsServerMessage;
    try {
      message = JSON.parse(String(ev.data)) as WsServerMessage;
    } catch {
      return;
    }
    if ('push' in message) {
      for (const update of message.payload as RunUpdate[]) for (const listener of updateListeners) listener(update);
      return;
    }
    if (message.id === null) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(message.error));
  };

  const carrier: ApiCarrier = {
    async invoke(channel, args) {
      await ready.catch(() => undefined);
      if (closedReason || socket.readyState !== 1) throw new Error(closedReason ?? LOST);
      const id = nextId++;
      const text = JSON.stringify({ id, channel, args });
      // A request bigger than a frame (saving a large project) goes as a binary message in chunks,
      // since the server closes a socket that sends a frame over its limit.
      let frames: Array<string | ArrayBuffer> = [text];
      if (text.length > CHUNK_BYTES / 3) {
        const binary = encodeBinaryMessage({ kind: 'request', request: { id, channel, args } });
        if (binary.byteLength > MAX_REQUEST_BYTES)
          throw new Error(
            `this request is ${megabytes(binary.byteLength)}, larger than the ${megabytes(MAX_REQUEST_BYTES)} the server accepts`,
          );
        frames = splitBinaryMessage(binary);
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        for (const frame of frames) socket.send(frame);
      });
    },
    onRunUpdate(listener) {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
    // Menus belong to the desktop app; the browser has none.
    onMenuCommand: (_listener: (c: MenuCommand) => void) => () => undefined,
  };
  return Object.assign(createApiClient(carrier), {
    ready,
    sendBinary(frame: ArrayBuffer) {
      if (!closedReason && socket.readyState === 1) socket.send(frame);
    },
    onBinary(listener: (frame: ArrayBuffer) => void) {
      binaryListeners.add(listener);
      return () => binaryListeners.delete(listener);
    },
    close() {
      closedReason = 'the connection to the LayerLab server was closed';
      socket.close();
    },
  });
}

/** The serve-mode API address for a page served at `location`: same host, token from `?token=`. */
export function apiUrlFor(location: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // Without a token in the URL, the session cookie set with the page still authenticates.
  return `${scheme}//${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
