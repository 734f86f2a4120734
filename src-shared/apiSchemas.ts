// The channel table of LayerLabApi: one entry per request, naming the API method it carries and
// the schema of its arguments (a tuple). Electron IPC and the serve-mode WebSocket both use it,
// and the receiving side validates every payload with it before anything runs.
import { z } from 'zod';
import { graphSchema } from './graphFormat';

const MAX_NAME = 200;

export const runIdSchema = z.string().min(1, 'a run id may not be empty').max(100, 'a run id is at most 100 characters');
export const runNameSchema = z.string().trim().min(1, 'a name may not be empty').max(MAX_NAME, `a name is at most ${MAX_NAME} characters`);
export const insightRequestSchema = z.strictObject({ histograms: z.boolean().optional(), boundary: z.boolean().optional(), samples: z.boolean().optional() });
const startOptionsSchema = z.strictObject({ name: runNameSchema.optional(), insights: insightRequestSchema.optional() });
const sweepOptionsSchema = z.strictObject({ name: runNameSchema.optional() });
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
  'runs:backends': { method: 'runs.backends', args: none },
  'runs:checkpoint': { method: 'runs.checkpoint', args: z.tuple([runIdSchema, z.enum(['initial', 'best', 'final'])]) },
  'runs:rename': { method: 'runs.rename', args: z.tuple([runIdSchema, runNameSchema]) },
  'runs:setTags': { method: 'runs.setTags', args: z.tuple([runIdSchema, z.array(tagSchema).max(50, 'at most 50 tags')]) },
  'runs:setNotes': { method: 'runs.setNotes', args: z.tuple([runIdSchema, z.string().max(20_000, 'notes are at most 20,000 characters')]) },
  'runs:delete': { method: 'runs.delete', args: one(runIdSchema) },
  'sweeps:start': { method: 'sweeps.start', args: z.tuple([graphSchema, sweepGridSchema, sweepOptionsSchema.optional()]) },
  'sweeps:startVariants': {
    method: 'sweeps.startVariants',
    args: z.tuple([z.array(z.strictObject({ label: runNameSchema, graph: graphSchema })).min(1, 'a sweep needs at least one run').max(16, 'at most 16 runs'), sweepOptionsSchema.optional()]),
  },
  'sweeps:list': { method: 'sweeps.list', args: none },
  'inspect:insights': { method: 'inspect.insights', args: one(runIdSchema) },
  'inspect:evaluate': {
    method: 'inspect.evaluate',
    args: z.tuple([runIdSchema, z.strictObject({ checkpoint: z.enum(['best', 'final']), split: z.enum(['validation', 'test']) })]),
  },
  'inspect:gradcheck': {
    method: 'inspect.gradcheck',
    args: z.tuple([graphSchema, z.strictObject({ samples: z.number().int().min(1, 'at least 1 sample').max(16, 'at most 16 samples').optional() }).optional()]),
  },
  'datasets:list': { method: 'datasets.list', args: none },
  'datasets:preview': {
    method: 'datasets.preview',
    args: z.tuple([z.string().min(1).max(1000), z.object({ target: z.string().max(200).optional(), missing: z.enum(['drop', 'refuse']).optional() }).strict().optional()]),
  },
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
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return ` (${text.startsWith('[') ? `item ${Number(text.slice(1, text.indexOf(']'))) + 1}${text.slice(text.indexOf(']') + 1)}` : text})`;
}

function plainMessage(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (missing) return `missing (expected ${missing[1] === 'array' ? 'a list' : `a ${missing[1]}`})`;
  return message.replace(/^Invalid input: /, '').replace(/^Invalid input$/, 'not an accepted value');
}
