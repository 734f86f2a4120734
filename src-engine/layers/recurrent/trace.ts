// Gates and states over time for one input sequence: what the gate heatmap draws.
import { tensor } from '../../core/tensor';
import { noGrad } from '../../core/autograd';
import { Rng } from '../../core/rng';
import { sizeOf, formatShape } from '../../core/shape';
import { isRecurrentInstance } from './define';
import { withScratch } from './scratch';
import type { Model } from '../../graph/model';
import type { StepSeries } from './unroll';

export interface RecurrentTrace {
  nodeId: string;
  type: string;
  steps: number;
  units: number;
  /** Gate activations and states, each [steps][units]: LSTM i, f, g, o, h, c; GRU z, r, candidate, h; SimpleRNN h. */
  series: StepSeries;
}

/** LSTM gates (input i, forget f, candidate g, output o) and states (cell c, hidden h), each [steps][units]. */
export interface LstmTrace {
  steps: number;
  units: number;
  i: number[][];
  f: number[][];
  g: number[][];
  o: number[][];
  c: number[][];
  h: number[][];
}

/**
 * Runs `sample` (one input of the model, flat or nested values in the Input's shape) through the
 * model without recording and returns the gates of recurrent node `nodeId` at every step.
 */
export function recurrentTrace(model: Model, nodeId: string, sample: ArrayLike<number>): RecurrentTrace {
  const node = model.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`there is no node "${nodeId}" in the model`);
  if (!isRecurrentInstance(node.instance))
    throw new Error(`node "${nodeId}" is a ${node.type}, not a recurrent layer (SimpleRNN, LSTM or GRU)`);
  const inputShape = model.nodes.find((n) => n.id === model.inputId)!.outputShape;
  if (sample.length !== sizeOf(inputShape)) {
    throw new Error(
      `the sample has ${sample.length} values, but the model's input ${formatShape(inputShape)} needs ${sizeOf(inputShape)}`,
    );
  }
  const recurrent = node.instance.recurrent;
  return withScratch(() =>
    noGrad(() => {
      const { activations } = model.forward(
        tensor(Array.from(sample), [1, ...inputShape]),
        { training: false, rng: new Rng(0) },
        { keepActivations: true },
      );
      const layerInput = activations!.get(node.inputIds[0])!;
      const series = recurrent.trace(layerInput);
      return { nodeId, type: recurrent.type, steps: layerInput.shape[1], units: recurrent.units, series };
    }),
  );
}

export function lstmTrace(model: Model, nodeId: string, sample: ArrayLike<number>): LstmTrace {
  const trace = recurrentTrace(model, nodeId, sample);
  if (trace.type !== 'LSTM')
    throw new Error(`node "${nodeId}" is a ${trace.type}, not an LSTM; use recurrentTrace for its gates`);
  const s = trace.series;
  return { steps: trace.steps, units: trace.units, i: s.i, f: s.f, g: s.g, o: s.o, c: s.c, h: s.h };
}
