// The optimizer contract shared by the training loop, the UI forms and the CLI.
import type { Tensor } from '../core/tensor';
import type { ParamSpec } from '../core/params';
import type { Described } from '../core/registry';
import type { Penalties } from './penalty';
import type { OptimizerConfig } from '../../src-shared/graphFormat';

/** What a run stores about its optimizer (the graph format's shape; ranges live in the registry's specs). Fields that do not apply to the chosen rule are ignored. */
export type OptimizerSettings = OptimizerConfig;

/** Learning-rate schedules, counted in epochs (0-based). */
export type ScheduleSettings = NonNullable<OptimizerConfig['schedule']>;

export interface Optimizer {
  readonly name: string;
  /** One update of every param from its .grad; increments the step. */
  step(params: Tensor[]): void;
  /** Sets the learning rate in effect for the given epoch (0-based). */
  setEpoch(epoch: number): void;
  readonly currentLr: number;
  /** Per-parameter state (velocity, moments, ...) created so far; the training loop keeps it across memory scopes. */
  stateTensors(): Tensor[];
  /** The L1/L2 penalties it applies (for the reported objective J = L + R(W)); absent: none. */
  readonly penalties?: Penalties;
}

export interface OptimizerInfo extends Described {
  name: string;
  label: string;
  description: string;
  /** lr, momentum, beta1, ... with defaults, ranges and one-line explanations. */
  params: ParamSpec[];
  /** Walks the optimizer lab's 2-D surfaces (not AdamW: its decay would pull the point to the origin). */
  inOptimizerLab?: boolean;
}

export interface ScheduleInfo extends Described {
  type: string;
  label: string;
  description: string;
  params: ParamSpec[];
}
