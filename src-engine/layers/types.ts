// The contract every layer fulfils: its settings, its shape rule, and how to build it.
import type { Tensor } from '../core/tensor';
import type { Rng } from '../core/rng';
import type { ParamSpec, ParamValues } from '../core/params';

import type { LayerCategory } from './categories';

export type { LayerCategory } from './categories';

/** A shape problem the user must fix; the message is plain words and names no node (the compiler adds it). */
export class ShapeError extends Error {}

export interface LayerBuildContext {
  /** The node's own initialization stream (derived from the run seed and the node id). */
  rng: Rng;
  /** Graph-wide default initializer for weights when the layer says 'default'. */
  defaultInitializer: string;
  /** Options of the default initializer (e.g. the std of `normal`). */
  initializerOptions?: { std?: number; limit?: number; value?: number; gain?: number };
  /** Prefix for parameter names, e.g. the node id. */
  name: string;
}

export interface ForwardMode {
  training: boolean;
  /** Randomness for dropout masks and the like (the run's dropout stream). */
  rng: Rng;
}

/**
 * A final squashing a loss may absorb: softmax and sigmoid for numerical stability, step because
 * the perceptron criterion works from the unit's input (the step itself has no gradient).
 */
export type Squash = 'softmax' | 'sigmoid' | 'step';

export interface LayerInstance {
  /** Trainable parameters, named `<node>.<param>` (e.g. `dense1.kernel`). */
  params: Tensor[];
  forward(inputs: Tensor[], mode: ForwardMode): Tensor;
  /** For layers ending in softmax, sigmoid or step: the output before that squashing, for stable losses. */
  logits?(inputs: Tensor[], mode: ForwardMode): Tensor;
  /** Which squashing `logits` skips. */
  squash?: Squash;
  /** Non-trainable state saved with checkpoints (batch-norm running statistics). */
  state?: Tensor[];
}

export interface GradCheckLayerCase {
  inputShapes: number[][];
  params: Record<string, unknown>;
  /** Sample inputs that are integer indices (embeddings). */
  integerInputs?: { max: number };
  training?: boolean;
}

export interface LayerDef {
  type: string;
  category: LayerCategory;
  /** One line for the palette and the inspector. */
  description: string;
  params: readonly ParamSpec[];
  /** A layer that steps through a sequence with a state (LSTM, GRU, SimpleRNN): the gate views and traces apply. */
  recurrent?: boolean;
  /**
   * The parameter counting the layer's units, each with its own row of weights (Dense's units,
   * Conv2D's filters). Such units start as copies of one another when every weight starts the
   * same, so the symmetry warning looks at these layers.
   */
  unitsParam?: string;
  /** How many incoming edges the layer takes. */
  arity: { min: number; max: number };
  /** Output shape (without the batch dimension); throws ShapeError with a plain message. */
  outputShape(inputShapes: number[][], params: ParamValues): number[];
  /** Trainable parameters the layer will hold, known before anything is allocated (checked
   *  against the machine's limit). Absent: none. A test builds every layer to hold it to this. */
  parameterCount?(inputShapes: number[][], params: ParamValues): number;
  build(inputShapes: number[][], params: ParamValues, ctx: LayerBuildContext): LayerInstance;
  /** Cases for the gradient-check test; every layer except Input must have at least one. */
  gradCheck: GradCheckLayerCase[];
}
