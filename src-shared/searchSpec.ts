// A hyperparameter search, written once for the CLI, the app's sweep builder and the sweeps
// service: which settings vary (a path into the graph and a distribution), grid or random, and
// optional successive halving that stops weak trials early. The engine samples and applies it
// (src-engine/search/); this file is only its shape.
import { z } from 'zod';

/** Most trials one search may make (a grid's product or a random search's count). */
export const MAX_SEARCH_TRIALS = 256;

const valueSchema = z.union([z.number(), z.string().min(1).max(100), z.boolean()]);
export type SearchValue = z.infer<typeof valueSchema>;

/**
 * How one setting varies. `values`: a list (a grid's axis, or a uniform choice in random search);
 * `uniform` and `log` (log-uniform, for learning rates and decays): reals in [min, max];
 * `int`: whole numbers in [min, max], optionally log-spaced.
 */
export const distributionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('values'), values: z.array(valueSchema).min(1).max(64) }),
    z.strictObject({ kind: z.literal('uniform'), min: z.number(), max: z.number() }),
    z.strictObject({
      kind: z.literal('log'),
      min: z.number().positive('a log range starts above 0'),
      max: z.number().positive(),
    }),
    z.strictObject({ kind: z.literal('int'), min: z.number().int(), max: z.number().int(), log: z.boolean().optional() }),
  ])
  .refine((d) => d.kind === 'values' || d.min <= d.max, 'a range needs min ≤ max');
export type Distribution = z.infer<typeof distributionSchema>;

/**
 * `path` is canonical: `training.<field>…` (e.g. `training.optimizer.lr`, `training.batchSize`),
 * or `<nodeId>.<param>` for a layer setting, or `<nodeId>.repeat` for how many copies of that
 * node run in a chain. Short names (`lr`, `batchSize`, `schedule`) are resolved by the engine.
 */
export const searchParamSchema = z.strictObject({ path: z.string().min(1).max(200), dist: distributionSchema });
export type SearchParam = z.infer<typeof searchParamSchema>;

export const searchMetricSchema = z.enum(['valLoss', 'valAcc', 'valR2']);
export type SearchMetric = z.infer<typeof searchMetricSchema>;

/** Successive halving: at rungs of minEpochs·reduction^k epochs, a trial below the best 1/reduction of those seen at that rung stops. */
export const halvingSchema = z.strictObject({
  minEpochs: z.number().int().min(1),
  reduction: z.number().int().min(2).max(8),
});
export type HalvingSpec = z.infer<typeof halvingSchema>;

export const searchSpecSchema = z
  .strictObject({
    method: z.enum(['grid', 'random']),
    params: z.array(searchParamSchema).min(1).max(16),
    /** Random search: how many trials to draw. */
    trials: z.number().int().min(1).max(MAX_SEARCH_TRIALS).optional(),
    /** Seeds the sampler (not the trials' training, which keeps the base graph's seed). */
    seed: z.number().int().nonnegative().optional(),
    /** What "best" means: validation loss (default, lower is better), accuracy or R² (higher). */
    metric: searchMetricSchema.optional(),
    halving: halvingSchema.optional(),
  })
  .refine((s) => s.method === 'grid' || s.trials !== undefined, {
    message: 'a random search needs a number of trials',
    path: ['trials'],
  });
export type SearchSpec = z.infer<typeof searchSpecSchema>;

/** One trial's values, by canonical path. */
export type Assignment = Record<string, SearchValue>;

/** Whether a metric improves downwards. */
export function lowerIsBetter(metric: SearchMetric): boolean {
  return metric === 'valLoss';
}
