// Unrolling a recurrent cell over time with ordinary ops: the tape records every step, so
// backpropagation through time comes for free (and costs memory proportional to the steps).
import type { Tensor } from '../../core/tensor';
import { noGrad } from '../../core/autograd';
import { concat, reshape, slice } from '../../ops';

/** One step of a recurrent cell. A null state means "all zeros" (the cell skips that work). */
export interface RecurrentCell {
  /** Names of the state tensors; the first one is the hidden state h, the layer's output. */
  stateNames: readonly string[];
  /** Names of the gate activations `step` reports (for the gate heatmap). */
  gateNames: readonly string[];
  step(xt: Tensor, states: Array<Tensor | null>): { states: Tensor[]; gates: Record<string, Tensor> };
}

/** x [batch, steps, features] → [batch, units] (last h) or [batch, steps, units] (every h). */
export function unroll(
  x: Tensor,
  cell: RecurrentCell,
  initial: Array<Tensor | null>,
  returnSequences: boolean,
  onStep?: (t: number, states: Tensor[], gates: Record<string, Tensor>) => void,
): Tensor {
  const [n, steps, features] = x.shape;
  let states = initial;
  const outputs: Tensor[] = [];
  for (let t = 0; t < steps; t++) {
    const xt = reshape(slice(x, [0, t, 0], [n, 1, features]), [n, features]);
    const result = cell.step(xt, states);
    states = result.states;
    onStep?.(t, result.states, result.gates);
    if (returnSequences) outputs.push(reshape(result.states[0], [n, 1, result.states[0].shape[1]]));
  }
  if (returnSequences) return concat(outputs, 1);
  // A zero-step sequence cannot happen: shape inference requires steps ≥ 1.
  return states[0]!;
}

/** Every gate and state of the first sample, per step: name → [steps][units]. */
export type StepSeries = Record<string, number[][]>;

/** Runs the cell on x [1, steps, features] without recording, keeping every gate and state. */
export function traceUnroll(x: Tensor, cell: RecurrentCell, initial: Array<Tensor | null>): StepSeries {
  const series: StepSeries = {};
  for (const name of [...cell.gateNames, ...cell.stateNames]) series[name] = [];
  noGrad(() =>
    unroll(x, cell, initial, false, (_t, states, gates) => {
      for (const name of cell.gateNames) series[name].push(firstRow(gates[name]));
      cell.stateNames.forEach((name, k) => series[name].push(firstRow(states[k])));
    }),
  );
  return series;
}

function firstRow(t: Tensor): number[] {
  const width = t.shape[t.shape.length - 1];
  return Array.from(t.dataSync().subarray(0, width));
}
