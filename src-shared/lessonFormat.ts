// The lesson format, `layerlab.lesson/1`: a guided experiment as plain JSON data, so built-in
// lessons and a teacher's own files are read, checked and run the same way (app, CLI, tests).
import { z } from 'zod';
import { graphSchema } from './graphFormat';

export const LESSON_FORMAT = 'layerlab.lesson/1';

/**
 * Settings changed on a base graph, by dotted path: `training.optimizer.lr`,
 * `training.dataset`, or `nodes.<node id>.params.<param>` (a node is named by its id).
 */
export const settingsPatchSchema = z.record(z.string().min(1), z.unknown());

export const variantSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a variant id is lower-case letters, digits, - and _'),
  label: z.string().min(1),
  /** Which of the lesson's graphs this run starts from (default: the first). */
  graph: z.string().optional(),
  set: settingsPatchSchema.optional(),
});

/** One number measured on a run (or on no run: the gradient check, the optimizer lab). */
export const measureSchema = z
  .object({
    kind: z.string().min(1),
  })
  .catchall(z.unknown());

const comparisons = ['<', '<=', '>', '>=', '==', 'between'] as const;

export const assertionSchema = z.strictObject({
  /** What the assertion says, in the lesson's words ("AND is learned: accuracy 100 %"). */
  text: z.string().min(1),
  /** The run measured; absent for measures that need none. */
  variant: z.string().optional(),
  measure: measureSchema,
  /** Compare with another run's value of the same measure, as their ratio or difference. */
  relativeTo: z.strictObject({ variant: z.string(), as: z.enum(['ratio', 'difference']) }).optional(),
  op: z.enum(comparisons),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const viewSchema = z.strictObject({
  kind: z.enum(['losses', 'accuracy', 'byDepth', 'histograms', 'boundary', 'optimizerPath', 'gradcheck']),
  /** byDepth: which diagnostic; byDepth and histograms: the nodes from input to output. */
  metric: z.enum(['gradNorm', 'actStd', 'weightNorm']).optional(),
  nodes: z.array(z.string()).optional(),
  /** histograms and boundary: the model after its first epoch (about as initialized) or its last (trained; default). */
  epoch: z.enum(['first', 'last']).optional(),
  /** optimizerPath: the lab's surface and the optimizers walked. */
  surface: z.string().optional(),
  optimizers: z
    .array(z.strictObject({ name: z.string(), lr: z.number().positive(), momentum: z.number().optional() }))
    .optional(),
  steps: z.number().int().positive().max(1000).optional(),
  /** Which variants the view shows (default: all). */
  variants: z.array(z.string()).optional(),
  /** Log scale for the value axis. */
  log: z.boolean().optional(),
});

export const variationSchema = z.strictObject({
  question: z.string().min(1),
  /** Settings applied to every variant (or to those listed) before running again. */
  set: settingsPatchSchema,
  variants: z.array(z.string()).optional(),
});

export const lessonSchema = z.strictObject({
  format: z.literal(LESSON_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lesson id is lower-case letters, digits and -'),
  /** Position in the built-in list; teacher lessons come after. */
  order: z.number().optional(),
  title: z.string().min(1),
  /** The one idea, in a line. */
  idea: z.string().min(1),
  /** Markdown paragraphs with TeX between $…$ (inline) or $$…$$ (display). */
  explanation: z.string().min(1),
  setup: z.strictObject({
    graphs: z.record(z.string(), graphSchema),
    /** The runs to train (none for a lesson whose check needs no training, e.g. the gradient check). */
    variants: z.array(variantSchema).max(16),
  }),
  view: viewSchema,
  /** More views shown under the first (e.g. the loss curves under a decision boundary). */
  extraViews: z.array(viewSchema).max(3).optional(),
  check: z.strictObject({
    /** The claim the run must bear out, as a sentence. */
    claim: z.string().min(1),
    assertions: z.array(assertionSchema).min(1),
    /** Why the check may fail when a setting was changed. */
    ifNot: z.string().min(1),
  }),
  variations: z.array(variationSchema).default([]),
});

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export type LessonVariant = z.infer<typeof variantSchema>;
export type LessonMeasure = z.infer<typeof measureSchema>;
export type LessonAssertion = z.infer<typeof assertionSchema>;
export type LessonView = z.infer<typeof viewSchema>;
export type LessonVariation = z.infer<typeof variationSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
/** What a lesson file may omit (defaults filled in by the schema). */
export type LessonInput = z.input<typeof lessonSchema>;

/** The outcome of a lesson's check on a student's runs. */
export interface LessonOutcome {
  id: string;
  held: boolean;
  claim: string;
  /** Every number the check measured, by `variant.measure` name. */
  measured: Record<string, number>;
  assertions: Array<{ text: string; held: boolean; value: number | null; expected: string }>;
  /** When it did not hold: why that may be. */
  why?: string;
}

/** Schema problems as "lesson <id>: path: message" lines. */
export function describeLessonIssues(value: unknown, error: z.ZodError): string[] {
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : '?';
  return error.issues.map((i) => `lesson "${id}"${i.path.length ? ` (${i.path.map(String).join('.')})` : ''}: ${i.message}`);
}
