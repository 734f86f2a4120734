// Every differentiable op registers how to gradient-check it, next to its definition, so the
// gradient-check test enumerates them all and a new op cannot skip it.
import type { Tensor } from '../core/tensor';

export interface GradCheckCase {
  /** Shapes of the random inputs. */
  inputs: number[][];
  run: (inputs: Tensor[]) => Tensor;
  /** Draw inputs from (0.5, 2) instead of (-1, 1) (log, sqrt, div). */
  positive?: boolean;
  /** Inputs that are not differentiated (class indices and the like), by position. */
  constants?: number[];
  /** Custom sampler for a constant input. */
  sample?: (index: number, size: number, random: () => number) => number[] | null;
}

export interface OpSpec {
  name: string;
  cases: GradCheckCase[];
  /**
   * Why the op has no useful gradient (a step function): the gradient-check test then asserts
   * that backprop returns zeros and that the numeric derivative is 0 away from the jump and
   * explodes across it, instead of comparing the two.
   */
  noUsefulGradient?: string;
}

const ops = new Map<string, OpSpec>();

export function registerOp(spec: OpSpec): void {
  if (ops.has(spec.name)) throw new Error(`op ${spec.name} registered twice`);
  ops.set(spec.name, spec);
}

export function registeredOps(): OpSpec[] {
  return [...ops.values()];
}
