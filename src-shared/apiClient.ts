// Builds a LayerLabApi client from the contract, over any request/response carrier (the preload
// bridge's IPC or the serve-mode WebSocket). A failed request rejects with an Error carrying the
// main process's plain message.
import type { IpcReply } from './apiSchemas';
import { API_CHANNELS, type ApiChannel, type ApiHandlers, type LayerLabApi } from './contract';
import type { MenuCommand, RunUpdate } from './api';

export type Invoke = (channel: ApiChannel, args: unknown[]) => Promise<unknown>;
export type Subscribe<T> = (listener: (value: T) => void) => () => void;

export interface ApiCarrier {
  invoke: Invoke;
  onRunUpdate: Subscribe<RunUpdate>;
  onMenuCommand: Subscribe<MenuCommand>;
}

/** Trailing `undefined`s are dropped: optional arguments left out must not reach the schema as null. */
function trimArgs(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

export function createApiClient(carrier: ApiCarrier): LayerLabApi {
  const areas: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const channel of Object.keys(API_CHANNELS) as ApiChannel[]) {
    const { area, method } = API_CHANNELS[channel];
    areas[area] ??= {};
    areas[area][method] = (...args: unknown[]) => carrier.invoke(channel, trimArgs(args));
  }
  return {
    // One function per method of the contract, built above; the contract's types describe them.
    ...(areas as unknown as ApiHandlers),
    onRunUpdate: (listener) => carrier.onRunUpdate(listener),
    onMenuCommand: (listener) => carrier.onMenuCommand(listener),
  };
}

export function unwrapReply(reply: unknown): unknown {
  const r = reply as IpcReply | null;
  if (r && r.ok === true) return r.result;
  throw new Error(r && r.ok === false ? r.error : 'the main process sent an unreadable reply');
}
