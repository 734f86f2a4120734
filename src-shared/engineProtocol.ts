// Messages between a run host (Electron main process, serve-mode server, tests) and an engine
// process (Electron utility process, worker thread or child process). Both sides validate what
// they receive with these schemas: a process boundary is a trust boundary. Types are derived.
import { z } from 'zod';
import { graphSchema } from './graphFormat';
import { engineEventSchema } from './engineEvents';
import {
  checkpointKindSchema,
  datasetLoadOptionsSchema,
  datasetSummarySchema,
  evaluationResultSchema,
  gradCheckReportSchema,
  insightRequestSchema,
  runPaceSchema,
  stepDelaySchema,
  stepUnitSchema,
} from './api';
import { ensembleResultSchema, modelExportFormatSchema, word2vecRequestSchema, word2vecVectorsSchema } from './api';

export const ENGINE_PROTOCOL = 1;

export type { CheckpointKind } from './api';

/** One tensor of a checkpoint: a parameter or a batch-norm running statistic. */
export const tensorSnapshotSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  data: z.instanceof(Float32Array),
});
export type TensorSnapshot = z.infer<typeof tensorSnapshotSchema>;

/** What every engine (process, thread or GPU worker) needs to train a run; the GPU worker's request extends it. */
export const trainRequestFields = {
  protocol: z.literal(ENGINE_PROTOCOL),
  runId: z.string().min(1),
  graph: graphSchema,
  /** Emit a `step` event every N steps; omitted: about 20 per epoch. */
  stepEventEvery: z.number().int().nonnegative().optional(),
  /** Per-epoch `insight` events to emit. */
  insights: insightRequestSchema.optional(),
  /** Start paused (to step it) and/or slowed down. */
  pace: runPaceSchema.optional(),
};

/**
 * Steering a training job while it runs; the GPU worker's protocol takes the same messages. A
 * `step` lets a paused run train one batch, or to the end of its epoch, then holds it again;
 * `speed` sets the delay between steps (0: full speed).
 */
export const runControlSchemas = [
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('step'), unit: stepUnitSchema }),
  z.object({ type: z.literal('speed'), delayMs: stepDelaySchema }),
] as const;
export type RunControlMessage = z.infer<(typeof runControlSchemas)[number]>;

export const hostToEngineSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('train'),
    ...trainRequestFields,
    /** CPU threads this run may use: the host shares the cores among the runs it trains at once. */
    threads: z.number().int().min(1).max(64).optional(),
    /** Weights to start from instead of the seeded initialization (another run's checkpoint), by tensor name. */
    initialTensors: z.array(tensorSnapshotSchema).optional(),
  }),
  z.object({
    type: z.literal('preview'),
    protocol: z.literal(ENGINE_PROTOCOL),
    datasetId: z.string().min(1),
    options: datasetLoadOptionsSchema.optional(),
  }),
  /** A trained run's weights over its whole validation or test split (the splits are rebuilt from the graph's seed). */
  z.object({
    type: z.literal('evaluate'),
    protocol: z.literal(ENGINE_PROTOCOL),
    graph: graphSchema,
    tensors: z.array(tensorSnapshotSchema),
    split: z.enum(['validation', 'test']),
  }),
  /** Several trained runs' averaged predictions over the first one's split, scored beside each member. */
  z.object({
    type: z.literal('ensemble'),
    protocol: z.literal(ENGINE_PROTOCOL),
    members: z
      .array(z.object({ name: z.string(), graph: graphSchema, tensors: z.array(tensorSnapshotSchema) }))
      .min(2)
      .max(8),
    split: z.enum(['validation', 'test']),
  }),
  /** A trained run's weights as files to take away: safetensors, ONNX or a PyTorch folder (docs/export.md). */
  z.object({
    type: z.literal('export'),
    protocol: z.literal(ENGINE_PROTOCOL),
    graph: graphSchema,
    tensors: z.array(tensorSnapshotSchema),
    format: modelExportFormatSchema,
    title: z.string(),
    checkpoint: z.string().optional(),
    /** With an ONNX export: also send this many validation samples and LayerLab's outputs for them (the app's Verify). */
    checkSamples: z.number().int().min(1).max(256).optional(),
  }),
  /** Word vectors from the fast word2vec loop. */
  z.object({ type: z.literal('word2vec'), protocol: z.literal(ENGINE_PROTOCOL), request: word2vecRequestSchema }),
  /** The numeric gradient check of a graph on a few samples of its dataset. */
  z.object({
    type: z.literal('gradcheck'),
    protocol: z.literal(ENGINE_PROTOCOL),
    graph: graphSchema,
    samples: z.number().int().min(1).max(16).optional(),
  }),
  ...runControlSchemas,
]);
export type HostToEngine = z.infer<typeof hostToEngineSchema>;

export const engineToHostSchema = z.discriminatedUnion('type', [
  /** The process is up and listening. */
  z.object({ type: z.literal('ready') }),
  /** What the run trains on, once the dataset is loaded. */
  z.object({ type: z.literal('dataset'), id: z.string(), hash: z.string() }),
  /** The backend the run trains on, with the adapter (WebGPU) or why it is not the one asked for. */
  z.object({ type: z.literal('backend'), backend: z.string(), adapter: z.string().optional(), notice: z.string().optional() }),
  z.object({ type: z.literal('event'), event: engineEventSchema }),
  z.object({
    type: z.literal('checkpoint'),
    kind: checkpointKindSchema,
    epoch: z.number().int().nonnegative(),
    tensors: z.array(tensorSnapshotSchema),
  }),
  z.object({ type: z.literal('preview'), summary: datasetSummarySchema, preview: z.unknown() }),
  z.object({ type: z.literal('evaluation'), evaluation: evaluationResultSchema }),
  z.object({ type: z.literal('gradcheck'), report: gradCheckReportSchema }),
  z.object({ type: z.literal('ensemble'), ensemble: ensembleResultSchema }),
  z.object({ type: z.literal('wordVectors'), vectors: word2vecVectorsSchema }),
  /** An export's files, by name (one file, or a PyTorch folder's files). */
  z.object({
    type: z.literal('exported'),
    files: z.array(z.object({ name: z.string(), data: z.instanceof(Uint8Array) })),
    check: z
      .object({ x: z.instanceof(Float32Array), dims: z.array(z.number().int()), outputs: z.instanceof(Float32Array) })
      .optional(),
  }),
  /** The job could not run or broke; `message` is for people. */
  z.object({ type: z.literal('failed'), message: z.string() }),
  /** Everything has been sent; the host may end the process. */
  z.object({ type: z.literal('finished') }),
]);
export type EngineToHost = z.infer<typeof engineToHostSchema>;
