// The small argument schemas the contract (contract.ts) is built from, the envelopes that carry
// requests (Electron IPC replies, WebSocket frames), and argument errors in plain words.
import { z } from 'zod';
import type { EVENT_CHANNELS } from './contract';

export const MAX_NAME = 200;

export const runIdSchema = z.string().min(1, 'a run id may not be empty').max(100, 'a run id is at most 100 characters');
export const runNameSchema = z
  .string()
  .trim()
  .min(1, 'a name may not be empty')
  .max(MAX_NAME, `a name is at most ${MAX_NAME} characters`);
export const tagSchema = z.string().trim().min(1, 'a tag may not be empty').max(40, 'a tag is at most 40 characters');

/** A project file name or path: no control characters, bounded length. */
export const projectPathSchema = z
  .string()
  .min(1, 'a project path may not be empty')
  .max(1000)
  .refine((p) => ![...p].some((c) => c.charCodeAt(0) < 0x20), 'a project path may not contain control characters');

export const settingKeySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/, 'a setting key uses letters, digits, ".", "_" and "-" only');

/** The JSON-serializable part of a setting value is bounded so a setting cannot fill the disk. */
export const MAX_SETTING_BYTES = 256 * 1024;

/** The reply of the Electron IPC handlers (a thrown error would reach the page wrapped in Electron's own words). */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: string };

// --- WebSocket envelopes (serve mode) ---

export const wsRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  args: z.array(z.unknown()).max(8),
});
export type WsRequest = z.infer<typeof wsRequestSchema>;

export type WsResponse =
  | { id: number; ok: true; result: unknown }
  /** `id` is null when the request itself could not be read. */
  | { id: number | null; ok: false; error: string };

export type WsPush = { push: typeof EVENT_CHANNELS.runUpdates; payload: unknown[] };

export type WsServerMessage = WsResponse | WsPush;

/** Schema issues as one plain sentence naming the argument and the place, e.g. `argument 1, node "hidden" (params.units): …`. */
export function describeArgsError(channel: string, error: z.ZodError, args?: unknown): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const [index, ...rest] = issue.path;
    if (index === undefined) {
      if (issue.code === 'too_big') return 'too many arguments';
      if (issue.code === 'too_small') return 'missing arguments';
      return 'the arguments must be a list';
    }
    const arg = Array.isArray(args) ? args[Number(index)] : undefined;
    return `argument ${Number(index) + 1}${describePlace(rest, arg)}: ${plainMessage(issue.message)}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `invalid request "${channel}": ${parts.join('; ')}${more}`;
}

/** `nodes[2].params.units` of a graph reads better as `node "hidden" (params.units)`. */
function describePlace(path: PropertyKey[], value: unknown): string {
  if (path.length === 0) return '';
  const nodes = (value as { nodes?: unknown } | null)?.nodes;
  if (path[0] === 'nodes' && typeof path[1] === 'number' && Array.isArray(nodes)) {
    const id = (nodes[path[1]] as { id?: unknown } | undefined)?.id;
    const field = path.slice(2).map(String).join('.');
    const node = typeof id === 'string' && id ? `node "${id}"` : `node ${path[1] + 1}`;
    return `, ${node}${field ? ` (${field})` : ''}`;
  }
  const text = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return ` (${text.startsWith('[') ? `item ${Number(text.slice(1, text.indexOf(']'))) + 1}${text.slice(text.indexOf(']') + 1)}` : text})`;
}

function plainMessage(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (missing) return `missing (expected ${missing[1] === 'array' ? 'a list' : `a ${missing[1]}`})`;
  return message.replace(/^Invalid input: /, '').replace(/^Invalid input$/, 'not an accepted value');
}
