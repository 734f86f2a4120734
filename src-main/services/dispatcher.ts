// Turns a (channel, args) request from IPC or the WebSocket into a call of the API handlers:
// the channel must be in the table, the args must pass its schema, and errors come back as
// plain sentences (UserError messages as they are, anything else as "internal error: …").
import { describeArgsError } from '../../src-shared/apiSchemas';
import { API_CHANNELS, isApiChannel, type ApiHandlers } from '../../src-shared/contract';
import { UserError } from './userError';
import { StoreError } from '../store/storeError';

export type { ApiHandlers };

export type Dispatch = (channel: unknown, args: unknown) => Promise<unknown>;

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

export function createDispatcher(handlers: ApiHandlers, onInternalError: (e: unknown) => void = () => undefined): Dispatch {
  return async (channel, args) => {
    if (!isApiChannel(channel)) throw new UserError(`unknown request "${String(channel).slice(0, 100)}"`);
    const entry = API_CHANNELS[channel];
    const parsed = entry.args.safeParse(args);
    if (!parsed.success) throw new UserError(describeArgsError(channel, parsed.error, args));
    // The contract's types guarantee a handler for every channel; the lookup itself is by name.
    const method = (handlers as unknown as Record<string, Record<string, AnyMethod>>)[entry.area][entry.method];
    try {
      return await method(...(parsed.data as unknown[]));
    } catch (e) {
      if (e instanceof UserError || e instanceof StoreError) throw e;
      onInternalError(e);
      throw new UserError(`internal error in ${channel}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

/** The message to send back for a failed request. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
