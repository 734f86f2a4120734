// Builds the renderer's LayerLabApi from the channel table, over any request/response carrier
// (the preload bridge's IPC or the serve-mode WebSocket). A failed request rejects with an Error
// carrying the main process's plain message.
import { API_CHANNELS, type ApiChannel, type IpcReply } from '../../src-shared/apiSchemas';
import type { LayerLabApi, MenuCommand, RunUpdate } from '../../src-shared/api';

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
    const [area, verb] = API_CHANNELS[channel].method.split('.') as [string, string];
    areas[area] ??= {};
    areas[area][verb] = (...args: unknown[]) => carrier.invoke(channel, trimArgs(args));
  }
  return {
    ...(areas as unknown as Omit<LayerLabApi, 'onRunUpdate' | 'onMenuCommand'>),
    onRunUpdate: (listener) => carrier.onRunUpdate(listener),
    onMenuCommand: (listener) => carrier.onMenuCommand(listener),
  };
}

export function unwrapReply(reply: unknown): unknown {
  const r = reply as IpcReply | null;
  if (r && r.ok === true) return r.result;
  throw new Error(r && r.ok === false ? r.error : 'the main process sent an unreadable reply');
}
