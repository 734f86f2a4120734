// Every differentiable op registers how to gradient-check it, next to its definition, so the
// gradient-check test enumerates them all and a new op cannot skip it.
import type { Tensor } from '../core/tensor';
import { Registry } from '../core/registry';

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

export const opRegistry = new Registry<OpSpec>('op', (spec) => spec.name);

export function registerOp(spec: OpSpec): void {
  opRegistry.register(spec);
}

export function registeredOps(): OpSpec[] {
  return opRegistry.list();
}
