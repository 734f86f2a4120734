// THE contract of LayerLab's API: every method, once, with the schema of its arguments (a tuple)
// and of its result. Everything else is derived from this object, tRPC-router style:
//   - the `LayerLabApi` / `ApiHandlers` types (so a handler or client that does not match fails to compile),
//   - the channel table (`<area>:<method>`, e.g. `runs:start`) that Electron IPC and the WebSocket use,
//   - the client (createApiClient), the dispatcher's validation, and the docs' channel table.
// Adding a method = one entry here + one handler in src-main/services (see docs/architecture.md).
import { z } from 'zod';
import { graphSchema } from './graphFormat';
import { insightEventSchema } from './engineEvents';
import {
  backendAvailabilitySchema,
  checkpointKindSchema,
  datasetLoadOptionsSchema,
  datasetSummarySchema,
  evaluateOptionsSchema,
  gradCheckReportSchema,
  insightRequestSchema,
  initialWeightsSchema,
  modelExportOptionsSchema,
  modelExportResultSchema,
  modelVerificationSchema,
  projectFileInfoSchema,
  runCheckpointSchema,
  runDetailSchema,
  runMetricsSchema,
  runSummarySchema,
  splitEvaluationSchema,
  sweepPlanSchema,
  sweepSummarySchema,
  sweepVariantsSchema,
  type MenuCommand,
  type RunUpdate,
  runEnsembleSchema,
  runPaceSchema,
  stepDelaySchema,
  stepUnitSchema,
  word2vecRequestSchema,
  word2vecVectorsSchema,
} from './api';
import { projectPathSchema, runIdSchema, runNameSchema, settingKeySchema, tagSchema } from './apiSchemas';

/** One API method: what it takes (a tuple, validated by the receiver), what it answers, and one line for the docs. */
function method<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R, doc: string) {
  return { args, result, doc };
}

const none = z.tuple([]);

/** The largest file a browser may upload, and the size of one chunk (raw bytes, sent as base64). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
const uploadIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not an upload id');
const nothing = z.void();
const runId = z.tuple([runIdSchema]);
const runNotesSchema = z.string().max(20_000, 'notes are at most 20,000 characters');

export const apiContract = {
  runs: {
    start: method(
      z.tuple([
        graphSchema,
        z
          .strictObject({
            name: runNameSchema.optional(),
            notes: runNotesSchema.optional(),
            insights: insightRequestSchema.optional(),
            initialWeights: initialWeightsSchema.optional(),
            pace: runPaceSchema.optional(),
          })
          .optional(),
      ]),
      z.object({ runId: z.string() }),
      "graph (`layerlab.graph/1`), `{name?, notes?, insights?: {histograms?, boundary?, samples?}, initialWeights?: {runId, checkpoint}, pace?: {paused?, delayMs?}}` (initialWeights: start from another run's weights)",
    ),
    pause: method(runId, nothing, 'run id'),
    resume: method(runId, nothing, 'run id'),
    /** A paused run trains one batch, or to the end of its epoch, and pauses again; a running run is paused first. */
    step: method(z.tuple([runIdSchema, stepUnitSchema]), nothing, "run id, `'batch'\\|'epoch'`"),
    /** The delay between a run's steps (0: full speed): watching it learn slowly. */
    setSpeed: method(z.tuple([runIdSchema, stepDelaySchema]), nothing, 'run id, delay in ms between steps (0–2000)'),
    stop: method(runId, nothing, 'run id'),
    list: method(none, z.array(runSummarySchema), '–'),
    get: method(runId, runDetailSchema, 'run id (its graph snapshot and config)'),
    metrics: method(runId, runMetricsSchema, 'run id (its epoch, step and layer metrics)'),
    /** What `training.backend` can choose from on this machine, now. */
    backends: method(none, backendAvailabilitySchema, '– (CPU threads and the WebGPU adapter of an attached device host)'),
    /** The run's weights at its start, best epoch or end; null when the run has none of that kind (yet). */
    checkpoint: method(
      z.tuple([runIdSchema, checkpointKindSchema]),
      runCheckpointSchema.nullable(),
      "run id, `'initial'\\|'best'\\|'final'`",
    ),
    rename: method(z.tuple([runIdSchema, runNameSchema]), nothing, 'run id, name'),
    setTags: method(z.tuple([runIdSchema, z.array(tagSchema).max(50, 'at most 50 tags')]), nothing, 'run id, tags'),
    setNotes: method(z.tuple([runIdSchema, runNotesSchema]), nothing, 'run id, notes'),
    delete: method(runId, nothing, 'run id'),
  },
  sweeps: {
    start: method(
      z.tuple([graphSchema, sweepPlanSchema, z.strictObject({ name: runNameSchema.optional() }).optional()]),
      z.object({ sweepId: z.string(), runIds: z.array(z.string()) }),
      'base graph, plan: a grid `{optimizers?, initializers?, learningRates?, seeds?}` or a search spec `{method, params, trials?, seed?, metric?, halving?}` (docs/hyperparameter-search.md), `{name?}`',
    ),
    /** A sweep of explicit graphs, each with its label (a lesson's runs: one setting differs between them). */
    startVariants: method(
      z.tuple([sweepVariantsSchema, z.strictObject({ name: runNameSchema.optional() }).optional()]),
      z.object({ sweepId: z.string(), runIds: z.array(z.string()) }),
      '`[{label, graph}]` (1–16 runs), `{name?}`',
    ),
    list: method(none, z.array(sweepSummarySchema), '–'),
  },
  /** Looking inside trained runs: stored insights, whole-split evaluations, gradient checks. */
  inspect: {
    insights: method(runId, z.array(insightEventSchema), 'run id (its stored insight events, oldest epoch first)'),
    evaluate: method(
      z.tuple([runIdSchema, evaluateOptionsSchema]),
      splitEvaluationSchema,
      "run id, `{checkpoint: 'best'\\|'final', split: 'validation'\\|'test'}` (cached)",
    ),
    gradcheck: method(
      z.tuple([
        graphSchema,
        z
          .strictObject({ samples: z.number().int().min(1, 'at least 1 sample').max(16, 'at most 16 samples').optional() })
          .optional(),
      ]),
      gradCheckReportSchema,
      'graph, `{samples?}` (1–16)',
    ),
    ensemble: method(
      z.tuple([z.array(runIdSchema).min(2, 'an ensemble needs at least 2 runs').max(8, 'at most 8 runs'), evaluateOptionsSchema]),
      runEnsembleSchema,
      "2–8 run ids, `{checkpoint, split}` (their averaged predictions over the first run's split, beside each run's own score)",
    ),
    word2vec: method(
      z.tuple([word2vecRequestSchema]),
      word2vecVectorsSchema,
      '`{corpus, mode, objective, dim, window, epochs, seed}` (word vectors from the fast word2vec loop; no run is recorded)',
    ),
  },
  datasets: {
    list: method(none, z.array(datasetSummarySchema), '–'),
    preview: method(
      z.tuple([z.string().min(1).max(1000), datasetLoadOptionsSchema.optional()]),
      z.object({ summary: datasetSummarySchema, preview: z.unknown() }),
      'catalogue id or file, `{target?, missing?}`',
    ),
    // Browser uploads (serve mode), in chunks; the desktop app opens data files where they are.
    uploadBegin: method(
      z.tuple([
        z.string().min(1, 'a file name may not be empty').max(200, 'a file name is at most 200 characters'),
        z
          .number()
          .int()
          .min(1, 'the file is empty')
          .max(MAX_UPLOAD_BYTES, `a file may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
      ]),
      z.object({ uploadId: z.string(), chunkBytes: z.number() }),
      'file name (.csv, .txt, IDX), size in bytes (at most 512 MB)',
    ),
    uploadChunk: method(
      z.tuple([
        uploadIdSchema,
        z.number().int().nonnegative(),
        z
          .string()
          .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, 'a chunk is at most 1 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'a chunk must be base64'),
      ]),
      z.object({ received: z.number() }),
      'upload id, byte offset, base64 bytes (at most 1 MB; in order)',
    ),
    uploadFinish: method(
      z.tuple([uploadIdSchema]),
      z.object({ path: z.string() }),
      "upload id (→ the stored file's path, the dataset reference)",
    ),
  },
  /** A run's trained model as files to take away (docs/export.md). */
  models: {
    export: method(
      z.tuple([runIdSchema, modelExportOptionsSchema]),
      modelExportResultSchema,
      "run id, `{checkpoint: 'best'\\|'final', format: 'safetensors'\\|'onnx'\\|'pytorch'}` (→ base64 bytes; in the desktop app a native save dialog writes them)",
    ),
    verification: method(
      z.tuple([runIdSchema, z.strictObject({ checkpoint: z.enum(['best', 'final']) })]),
      modelVerificationSchema,
      "run id, `{checkpoint}` (→ the ONNX export, 32 validation samples and LayerLab's outputs for them, for the page's Verify)",
    ),
    importOnnx: method(
      z.tuple([z.string().min(1), z.string(), z.strictObject({ dataset: z.string().min(1) })]),
      z.object({ graph: graphSchema, runId: z.string() }),
      'file name, base64 bytes, `{dataset}` (→ the graph for the canvas and a completed run holding its weights; unsupported operators named with their node)',
    ),
  },
  /** Project files (`*.layerlab.json`): native dialogs in Electron; a projects folder on the server in serve mode. */
  projects: {
    hasNativeDialogs: method(none, z.boolean(), '– (true in Electron: open/save without a path show dialogs)'),
    /** A data file to train on, picked in a native dialog; serve mode has none (files are uploaded there). */
    chooseDataFile: method(
      none,
      z.string().nullable(),
      '– (Electron: the path picked, null when cancelled; always null in serve mode)',
    ),
    list: method(none, z.array(projectFileInfoSchema), '–'),
    save: method(z.tuple([graphSchema, projectPathSchema.optional()]), z.object({ path: z.string() }).nullable(), 'graph, path?'),
    /** The document is validated by the caller. */
    open: method(z.tuple([projectPathSchema.optional()]), z.object({ path: z.string(), doc: z.unknown() }).nullable(), 'path?'),
  },
  /** Small persistent preferences: theme, last project path, panel sizes. */
  settings: {
    get: method(z.tuple([settingKeySchema]), z.unknown(), 'key'),
    set: method(z.tuple([settingKeySchema, z.json()]), nothing, 'key, JSON value (`engine.concurrency` sets runs at once, 1–8)'),
  },
} as const;

type Contract = typeof apiContract;
type Area = keyof Contract & string;
type MethodEntry = { args: z.ZodTuple; result: z.ZodType; doc: string };
type Handler<M> = M extends { args: infer A extends z.ZodTuple; result: infer R extends z.ZodType }
  ? (...args: z.infer<A>) => Promise<z.infer<R>>
  : never;

/** The request/response part of the API: what the main process or server implements, method by method. */
export type ApiHandlers = { -readonly [A in Area]: { -readonly [M in keyof Contract[A]]: Handler<Contract[A][M]> } };

/** Pushed from the main process / server: batches of run updates, and menu commands (Electron only). */
export const EVENT_CHANNELS = { runUpdates: 'runs:update', menuCommand: 'menu:command' } as const;

/** The one API the renderer uses, whatever carries it (preload bridge or WebSocket). */
export type LayerLabApi = ApiHandlers & {
  /** Commands from the application menu (Electron); never fires in serve mode. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onRunUpdate(listener: (update: RunUpdate) => void): () => void;
};

/** `runs:start`, `settings:set`, …: one channel per method, named after it. */
export type ApiChannel = { [A in Area]: `${A}:${keyof Contract[A] & string}` }[Area];

export interface ChannelEntry extends MethodEntry {
  area: string;
  method: string;
}

/** The channel table, derived from the contract. */
export const API_CHANNELS = Object.fromEntries(
  Object.entries(apiContract).flatMap(([area, methods]) =>
    Object.entries(methods as Record<string, MethodEntry>).map(([name, entry]) => [
      `${area}:${name}`,
      { ...entry, area, method: name },
    ]),
  ),
) as Record<ApiChannel, ChannelEntry>;

export type ApiArgs<C extends ApiChannel> = C extends `${infer A extends Area}:${infer M}`
  ? M extends keyof Contract[A]
    ? Contract[A][M] extends { args: infer T extends z.ZodTuple }
      ? z.infer<T>
      : never
    : never
  : never;

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(API_CHANNELS, value);
}

/** The docs' channel table (docs/architecture.md, "The contract"), generated so it cannot drift. */
export function channelTableMarkdown(): string {
  const rows = Object.entries(API_CHANNELS).map(([channel, e]) => `| \`${channel}\` | ${e.doc} |`);
  return ['| Channel | Arguments |', '| --- | --- |', ...rows].join('\n');
}
