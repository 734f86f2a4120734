// One helper registers SimpleRNN, LSTM and GRU alike: shared settings, shape rule, weights,
// unrolled forward pass, and a trace of every gate for the gate heatmap.
import { registerLayer } from '../registry';
import type { GradCheckLayerCase, LayerInstance } from '../types';
import type { Tensor } from '../../core/tensor';
import type { ParamSpec, ParamValues } from '../../core/params';
import {
  initialStateParam,
  kernelInitializerParam,
  recurrentBiasParam,
  recurrentInitializerParam,
  recurrentOutputShape,
  returnSequencesParam,
  sequenceInput,
  unitsParam,
} from './params';
import { recurrentWeights, startStates, type RecurrentWeights } from './weights';
import { traceUnroll, unroll, type RecurrentCell, type StepSeries } from './unroll';
import { canFuse, projectInputs } from './fusedSteps';
import type { KernelName } from '../../kernels/kernelNames';

export interface RecurrentLayerSpec {
  type: string;
  description: string;
  /** Settings beyond the shared ones (units, returnSequences, initialState, initializers, bias). */
  extraParams: ParamSpec[];
  /** Gate blocks in the fused kernels (1 for SimpleRNN, 3 for GRU, 4 for LSTM). */
  gates: number;
  stateNames: readonly string[];
  /** Starting value of bias element i (LSTM's forget-gate bias of 1). */
  biasStart?: (p: ParamValues) => (index: number) => number;
  makeCell(w: RecurrentWeights, p: ParamValues): RecurrentCell;
  /**
   * The whole sequence as one op with fused step kernels, where the backend has `kernel`:
   * xw = x·W + b [n, steps, gates·units] for all steps, U, the starting states.
   */
  fused?: { kernel: KernelName; run(xw: Tensor, u: Tensor, initial: Array<Tensor | null>, returnSequences: boolean): Tensor };
  gradCheck: GradCheckLayerCase[];
}

/** What a recurrent layer instance adds to LayerInstance: its gates over time for one sequence. */
export interface RecurrentInstance extends LayerInstance {
  recurrent: {
    type: string;
    units: number;
    gateNames: readonly string[];
    stateNames: readonly string[];
    /** x [1, steps, features] → name → [steps][units]. */
    trace(x: Tensor): StepSeries;
  };
}

export function isRecurrentInstance(instance: LayerInstance): instance is RecurrentInstance {
  return typeof (instance as Partial<RecurrentInstance>).recurrent === 'object';
}

export function registerRecurrentLayer(spec: RecurrentLayerSpec): void {
  registerLayer({
    type: spec.type,
    category: 'Recurrent',
    recurrent: true,
    description: spec.description,
    params: [
      unitsParam,
      ...spec.extraParams,
      returnSequencesParam,
      initialStateParam,
      kernelInitializerParam,
      recurrentInitializerParam,
      recurrentBiasParam,
    ],
    arity: { min: 1, max: 1 },
    outputShape: recurrentOutputShape,
    parameterCount: ([input], p) => {
      const units = p.units as number;
      const gates = spec.gates * units;
      const initial = p.initialState === 'learned' ? spec.stateNames.length * units : 0;
      return sequenceInput(input).features * gates + units * gates + (p.useBias ? gates : 0) + initial;
    },
    build: ([input], p, ctx): RecurrentInstance => {
      const { features } = sequenceInput(input);
      const w = recurrentWeights(ctx, p, features, spec.gates, spec.stateNames, spec.biasStart?.(p));
      const cell = spec.makeCell(w, p);
      const returnSequences = p.returnSequences as boolean;
      return {
        params: w.all,
        forward: ([x]) => {
          const initial = startStates(w, x.shape[0], spec.stateNames.length);
          if (spec.fused && canFuse(x, spec.fused.kernel))
            return spec.fused.run(projectInputs(x, w.kernel, w.bias), w.recurrentKernel, initial, returnSequences);
          return unroll(x, cell, initial, returnSequences);
        },
        recurrent: {
          type: spec.type,
          units: p.units as number,
          gateNames: cell.gateNames,
          stateNames: cell.stateNames,
          trace: (x) => traceUnroll(x, cell, startStates(w, 1, spec.stateNames.length)),
        },
      };
    },
    gradCheck: spec.gradCheck,
  });
}
