// Messages between a run host (Electron main process, serve-mode server, tests) and an engine
// process (Electron utility process, worker thread or child process). Both sides validate what
// they receive with these schemas: a process boundary is a trust boundary.
import { z } from 'zod';
import { graphSchema, type GraphDoc } from './graphFormat';
import type { EngineEvent, LayerHistograms } from './engineEvents';
import type { DatasetListItem, InsightRequest, DatasetLoadOptions, EvaluationResult, GradCheckReport } from './api';

export const ENGINE_PROTOCOL = 1;

export type CheckpointKind = 'initial' | 'best' | 'final';

/** One tensor of a checkpoint: a parameter or a batch-norm running statistic. */
export interface TensorSnapshot {
  name: string;
  shape: number[];
  data: Float32Array;
}

export type HostToEngine =
  | {
      type: 'train';
      protocol: typeof ENGINE_PROTOCOL;
      runId: string;
      graph: GraphDoc;
      /** Emit a `step` event every N steps; omitted: about 20 per epoch. */
      stepEventEvery?: number;
      /** Per-epoch `insight` events to emit. */
      insights?: InsightRequest;
      /** CPU threads this run may use: the host shares the cores among the runs it trains at once. */
      threads?: number;
    }
  | { type: 'preview'; protocol: typeof ENGINE_PROTOCOL; datasetId: string; options?: DatasetLoadOptions }
  /** A trained run's weights over its whole validation or test split (the splits are rebuilt from the graph's seed). */
  | { type: 'evaluate'; protocol: typeof ENGINE_PROTOCOL; graph: GraphDoc; tensors: TensorSnapshot[]; split: 'validation' | 'test' }
  /** The numeric gradient check of a graph on a few samples of its dataset. */
  | { type: 'gradcheck'; protocol: typeof ENGINE_PROTOCOL; graph: GraphDoc; samples?: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

export type EngineToHost =
  /** The process is up and listening. */
  | { type: 'ready' }
  /** What the run trains on, once the dataset is loaded. */
  | { type: 'dataset'; id: string; hash: string }
  /** The backend the run trains on, with the adapter (WebGPU) or why it is not the one asked for. */
  | { type: 'backend'; backend: string; adapter?: string; notice?: string }
  | { type: 'event'; event: EngineEvent }
  | { type: 'checkpoint'; kind: CheckpointKind; epoch: number; tensors: TensorSnapshot[] }
  | { type: 'preview'; summary: DatasetListItem; preview: unknown }
  | { type: 'evaluation'; evaluation: EvaluationResult }
  | { type: 'gradcheck'; report: GradCheckReport }
  /** The job could not run or broke; `message` is for people. */
  | { type: 'failed'; message: string }
  /** Everything has been sent; the host may end the process. */
  | { type: 'finished' };

const layerDiagnosticsSchema = z.object({
  weightNorm: z.number().optional(),
  gradNorm: z.number().optional(),
  actMean: z.number(),
  actStd: z.number(),
});

// Measurements may be NaN or ±Infinity (a diverging validation loss); z.number() rejects both.
const num = z.custom<number>((v) => typeof v === 'number', 'expected a number');
const optNum = num.optional();

export const engineEventSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('start'),
    epochs: z.number(),
    stepsPerEpoch: z.number(),
    trainCount: z.number(),
    valCount: z.number(),
    parameterCount: z.number(),
    backend: z.string(),
  }),
  z.object({ event: z.literal('step'), epoch: z.number(), step: z.number(), loss: num, lr: z.number() }),
  z.object({
    event: z.literal('epoch'),
    epoch: z.number(),
    step: z.number(),
    trainLoss: num,
    trainAcc: optNum,
    valLoss: optNum,
    valAcc: optNum,
    valR2: optNum,
    valClassAcc: z.array(num).optional(),
    lr: z.number(),
    elapsedMs: z.number(),
    samplesPerSec: z.number(),
    layers: z.record(z.string(), layerDiagnosticsSchema),
  }),
  z.object({
    event: z.literal('insight'),
    epoch: z.number(),
    // Shapes are the engine's own (src-engine/train/insights.ts); only the envelope is checked here.
    histograms: z.record(z.string(), z.custom<LayerHistograms>((v) => typeof v === 'object' && v !== null)).optional(),
    boundary: z
      .object({ xs: z.array(num), ys: z.array(num), predicted: z.array(z.array(num)), confidence: z.array(z.array(num)) })
      .optional(),
    samples: z.array(z.string()).optional(),
  }),
  z.object({
    event: z.literal('done'),
    status: z.enum(['completed', 'diverged', 'stopped']),
    epochs: z.number(),
    steps: z.number(),
    samplesPerSec: z.number(),
    finalTrainLoss: num.nullable(),
    finalTrainAcc: optNum,
    finalValLoss: optNum,
    finalValAcc: optNum,
    finalValR2: optNum,
    testLoss: optNum,
    testAcc: optNum,
    divergedAtStep: z.number().optional(),
    message: z.string().optional(),
  }),
]) satisfies z.ZodType<EngineEvent>;

// A new kind of engine event must be added to the schema above, or this line stops compiling
// (and the host would otherwise refuse the event as malformed at run time).
const everyEventKindChecked: [Exclude<EngineEvent['event'], z.infer<typeof engineEventSchema>['event']>] extends [never] ? true : never = true;
void everyEventKindChecked;

const tensorSnapshotSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  data: z.instanceof(Float32Array),
});

const datasetListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  task: z.enum(['classification', 'regression']),
  inputShape: z.array(z.number()),
  targetShape: z.array(z.number()),
  classNames: z.array(z.string()).optional(),
  count: z.number(),
  testCount: z.number(),
});

const classMetricsSchema = z.object({ className: z.string(), precision: num, recall: num, f1: num, support: z.number().int().nonnegative() });

const evaluationResultSchema = z.object({
  task: z.enum(['classification', 'regression']),
  count: z.number().int().nonnegative(),
  loss: num,
  inputShape: z.array(z.number().int().positive()),
  featureNames: z.array(z.string()).optional(),
  accuracy: optNum,
  classNames: z.array(z.string()).optional(),
  confusion: z.array(z.array(z.number().int().nonnegative())).optional(),
  perClass: z.array(classMetricsSchema).optional(),
  misclassified: z
    .array(z.object({ index: z.number().int().nonnegative(), label: z.number().int(), predicted: z.number().int(), confidence: num, input: z.array(num).optional() }))
    .max(64)
    .optional(),
  misclassifiedCount: z.number().int().nonnegative().optional(),
  r2: optNum,
  residuals: z.object({ mean: num, std: num, mae: num, rmse: num, maxAbs: num }).optional(),
}) satisfies z.ZodType<EvaluationResult>;

const gradCheckReportSchema = z.object({
  tolerance: z.number().positive(),
  samples: z.number().int().positive(),
  params: z.array(z.object({ nodeId: z.string(), param: z.string(), maxRelError: num, maxAbsError: num, maxGradient: optNum, passed: z.boolean() })),
  layers: z.array(z.object({ nodeId: z.string(), maxRelError: num, passed: z.boolean() })),
  passed: z.boolean(),
}) satisfies z.ZodType<GradCheckReport>;

export const engineToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('dataset'), id: z.string(), hash: z.string() }),
  z.object({ type: z.literal('backend'), backend: z.string(), adapter: z.string().optional(), notice: z.string().optional() }),
  z.object({ type: z.literal('event'), event: engineEventSchema }),
  z.object({
    type: z.literal('checkpoint'),
    kind: z.enum(['initial', 'best', 'final']),
    epoch: z.number().int().nonnegative(),
    tensors: z.array(tensorSnapshotSchema),
  }),
  z.object({ type: z.literal('preview'), summary: datasetListItemSchema, preview: z.unknown() }),
  z.object({ type: z.literal('evaluation'), evaluation: evaluationResultSchema }),
  z.object({ type: z.literal('gradcheck'), report: gradCheckReportSchema }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('finished') }),
]) satisfies z.ZodType<EngineToHost>;

export const hostToEngineSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('train'),
    protocol: z.literal(ENGINE_PROTOCOL),
    runId: z.string().min(1),
    graph: graphSchema,
    stepEventEvery: z.number().int().nonnegative().optional(),
    insights: z.object({ histograms: z.boolean().optional(), boundary: z.boolean().optional(), samples: z.boolean().optional() }).optional(),
    threads: z.number().int().min(1).max(64).optional(),
  }),
  z.object({
    type: z.literal('preview'),
    protocol: z.literal(ENGINE_PROTOCOL),
    datasetId: z.string().min(1),
    options: z.object({ target: z.string().optional(), missing: z.enum(['drop', 'refuse']).optional() }).optional(),
  }),
  z.object({
    type: z.literal('evaluate'),
    protocol: z.literal(ENGINE_PROTOCOL),
    graph: graphSchema,
    tensors: z.array(tensorSnapshotSchema),
    split: z.enum(['validation', 'test']),
  }),
  z.object({ type: z.literal('gradcheck'), protocol: z.literal(ENGINE_PROTOCOL), graph: graphSchema, samples: z.number().int().min(1).max(16).optional() }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('stop') }),
]) satisfies z.ZodType<HostToEngine>;
