// Messages between a run host (the app's hidden window, or a page in serve mode) and the WebGPU
// engine worker (webgpuWorker.ts). They extend the engine protocol of src-shared/engineProtocol.ts:
// the worker cannot read files, so a train request carries the dataset's arrays, and it says
// which backend it trains on (with the adapter, or why it fell back to the CPU).
import { z } from 'zod';
import { runControlSchemas, trainRequestFields, type EngineToHost } from '../../../src-shared/engineProtocol';
import type { Dataset } from '../../data/types';
import type { AdapterSummary } from './openDevice';
import type { WebGpuProbe } from './probeWebGpu';

export type BackendChoice = 'webgpu' | 'cpu';

const floats = z.custom<Float32Array>((v) => v instanceof Float32Array, 'expected a Float32Array');
const splitSchema = z.object({ x: floats, y: floats, count: z.number().int().nonnegative() });

const datasetSchema = splitSchema
  .extend({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    task: z.enum(['classification', 'regression']),
    inputShape: z.array(z.number().int().positive()),
    targetShape: z.array(z.number().int().positive()),
    classNames: z.array(z.string()).optional(),
    featureNames: z.array(z.string()).optional(),
    targetName: z.string().optional(),
    // Sequence datasets carry their tokens: the insights sample names from them on the device too.
    vocabulary: z.array(z.string()).optional(),
    test: splitSchema.optional(),
    hash: z.string(),
  })
  .refine((d) => d.x.length === d.count * d.inputShape.reduce((a, b) => a * b, 1), {
    message: "the dataset's x array does not hold count × inputShape values",
  }) satisfies z.ZodType<Dataset & { vocabulary?: string[] }>;

export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('probe') }),
  z.object({
    type: z.literal('train'),
    ...trainRequestFields,
    dataset: datasetSchema,
    /** The backend asked for; webgpu falls back to the CPU (with a notice) where it is unavailable. */
    backend: z.enum(['webgpu', 'cpu']),
  }),
  ...runControlSchemas,
]);

export type WorkerRequest = z.infer<typeof workerRequestSchema>;
export type TrainRequest = Extract<WorkerRequest, { type: 'train' }>;

export type WorkerReply =
  // The worker reports its backend with the adapter's details; the host turns it into the engine protocol's `backend` message.
  | Exclude<EngineToHost, { type: 'backend' }>
  /** Answer to a probe: the adapter found, or why there is none (for the backend selector). */
  | { type: 'probe'; result: WebGpuProbe }
  /** Sent once per run before training: the backend in use, and a notice to show when it is not the one asked for. */
  | { type: 'backend'; backend: BackendChoice; adapter?: AdapterSummary; notice?: string };
