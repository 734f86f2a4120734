// The channel table of LayerLabApi: one entry per request, naming the API method it carries and
// the schema of its arguments (a tuple). Electron IPC and the serve-mode WebSocket both use it,
// and the receiving side validates every payload with it before anything runs.
import { z } from 'zod';
import { graphSchema } from './graphFormat';

const MAX_NAME = 200;

export const runIdSchema = z.string().min(1, 'a run id may not be empty').max(100, 'a run id is at most 100 characters');
export const runNameSchema = z.string().trim().min(1, 'a name may not be empty').max(MAX_NAME, `a name is at most ${MAX_NAME} characters`);
const startOptionsSchema = z.strictObject({ name: runNameSchema.optional() });
const tagSchema = z.string().trim().min(1, 'a tag may not be empty').max(40, 'a tag is at most 40 characters');

export const sweepGridSchema = z
  .strictObject({
    optimizers: z.array(z.string().min(1)).min(1).max(8).optional(),
    initializers: z.array(z.string().min(1)).min(1).max(8).optional(),
    learningRates: z.array(z.number().positive('a learning rate must be above 0')).min(1).max(8).optional(),
    seeds: z.array(z.number().int().nonnegative()).min(1).max(16).optional(),
  })
  .refine((g) => g.optimizers || g.initializers || g.learningRates || g.seeds, 'a sweep needs at least one axis: optimizers, initializers, learningRates or seeds');

/** A project file name or path: no control characters, bounded length. */
const projectPathSchema = z
  .string()
  .min(1, 'a project path may not be empty')
  .max(1000)
  .refine((p) => !/[\u0000-\u001f]/.test(p), 'a project path may not contain control characters');

export const settingKeySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/, 'a setting key uses letters, digits, ".", "_" and "-" only');

const none = z.tuple([]);
const one = <T extends z.ZodType>(schema: T) => z.tuple([schema]);

/** Every request: channel → the API method it calls and the schema of its arguments. */
export const API_CHANNELS = {
  'runs:start': { method: 'runs.start', args: z.tuple([graphSchema, startOptionsSchema.optional()]) },
  'runs:pause': { method: 'runs.pause', args: one(runIdSchema) },
  'runs:resume': { method: 'runs.resume', args: one(runIdSchema) },
  'runs:stop': { method: 'runs.stop', args: one(runIdSchema) },
  'runs:list': { method: 'runs.list', args: none },
  'runs:get': { method: 'runs.get', args: one(runIdSchema) },
  'runs:metrics': { method: 'runs.metrics', args: one(runIdSchema) },
  'runs:rename': { method: 'runs.rename', args: z.tuple([runIdSchema, runNameSchema]) },
  'runs:setTags': { method: 'runs.setTags', args: z.tuple([runIdSchema, z.array(tagSchema).max(50, 'at most 50 tags')]) },
  'runs:setNotes': { method: 'runs.setNotes', args: z.tuple([runIdSchema, z.string().max(20_000, 'notes are at most 20,000 characters')]) },
  'runs:delete': { method: 'runs.delete', args: one(runIdSchema) },
  'sweeps:start': { method: 'sweeps.start', args: z.tuple([graphSchema, sweepGridSchema, startOptionsSchema.optional()]) },
  'sweeps:list': { method: 'sweeps.list', args: none },
  'datasets:list': { method: 'datasets.list', args: none },
  'datasets:preview': { method: 'datasets.preview', args: one(z.string().min(1).max(200)) },
  'projects:hasNativeDialogs': { method: 'projects.hasNativeDialogs', args: none },
  'projects:list': { method: 'projects.list', args: none },
  'projects:save': { method: 'projects.save', args: z.tuple([graphSchema, projectPathSchema.optional()]) },
  'projects:open': { method: 'projects.open', args: z.tuple([projectPathSchema.optional()]) },
  'settings:get': { method: 'settings.get', args: one(settingKeySchema) },
  'settings:set': { method: 'settings.set', args: z.tuple([settingKeySchema, z.json()]) },
} as const;

export type ApiChannel = keyof typeof API_CHANNELS;
export type ApiArgs<C extends ApiChannel> = z.infer<(typeof API_CHANNELS)[C]['args']>;

/** Pushed from the main process / server: batches of run updates, and menu commands. */
export const EVENT_CHANNELS = { runUpdates: 'runs:update', menuCommand: 'menu:command' } as const;

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(API_CHANNELS, value);
}

/** The JSON-serializable part of a setting value is bounded so a setting cannot fill the disk. */
export const MAX_SETTING_BYTES = 256 * 1024;

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

/** Schema issues as one plain sentence naming the argument and field, e.g. `argument 1 (nodes.0.id): ...`. */
export function describeArgsError(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const [index, ...rest] = issue.path.map(String);
    if (index === undefined) return issue.code === 'too_big' ? 'too many arguments' : issue.code === 'too_small' ? 'missing arguments' : issue.message;
    const field = rest.length ? ` (${rest.join('.')})` : '';
    return `argument ${Number(index) + 1}${field}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `invalid request "${channel}": ${parts.join('; ')}${more}`;
}
