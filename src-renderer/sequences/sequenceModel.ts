// Sampling and gate traces on a trained model rebuilt in this window, on the engine's CPU kernels.
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Model } from '../../src-engine';
import { sampleSequences } from '../../src-engine';
import { recurrentTrace } from '../../src-engine';
import { generateAdding } from '../../src-engine';
import { isRecurrentType } from './sequenceRuns';
import { inferenceSession } from '../app/inference';

/** Runs on the window's inference session (its own backend). */
function onCpu<T>(fn: () => T): T {
  return inferenceSession().run(fn);
}

/** The graph's recurrent nodes, in graph order. */
export function recurrentNodes(graph: GraphDoc): Array<{ id: string; type: string }> {
  return graph.nodes.filter((n) => isRecurrentType(n.type)).map((n) => ({ id: n.id, type: n.type }));
}

/** True when the model reads a window of token ids and scores the next token over `vocabulary`. */
export function canSampleText(
  inputShape: readonly number[],
  vocabulary: readonly string[] | undefined,
  model: Model,
): vocabulary is readonly string[] {
  return (
    !!vocabulary &&
    inputShape.length === 1 &&
    model.outputNode.outputShape.length === 1 &&
    model.outputNode.outputShape[0] === vocabulary.length
  );
}

export function sampleNames(
  model: Model,
  vocabulary: readonly string[],
  options: { count: number; temperature: number; prefix?: string; seed?: number },
): string[] {
  return onCpu(() =>
    sampleSequences(model, {
      vocabulary,
      count: options.count,
      temperature: options.temperature,
      prefix: options.prefix,
      seed: options.seed,
      maxLength: 16,
    }),
  );
}

export interface GateTrace {
  nodeId: string;
  type: string;
  steps: number;
  units: number;
  /** Each series [steps][units], by gate or state name (LSTM i, f, g, o, c, h; GRU z, r, candidate, h; SimpleRNN h). */
  series: Record<string, number[][]>;
}

export function traceGates(model: Model, nodeId: string, sample: ArrayLike<number>): GateTrace {
  return onCpu(() => {
    const t = recurrentTrace(model, nodeId, sample);
    return { nodeId: t.nodeId, type: t.type, steps: t.steps, units: t.units, series: t.series };
  });
}

/** One adding-problem sequence ([steps, 2]: value, marker) to trace a model trained on that task. */
export function addingSample(steps: number, seed = 7): { values: Float32Array; labels: string[] } {
  const ds = generateAdding({ samples: 2, length: steps, seed });
  const values = ds.x.slice(0, steps * 2);
  const labels = Array.from({ length: steps }, (_, t) => (values[t * 2 + 1] ? `★${t + 1}` : String(t + 1)));
  return { values, labels };
}

/** The series shown for each layer type, in reading order: gates, then the cell state. */
export function shownSeries(trace: GateTrace): Array<{ key: string; label: string }> {
  const names: Record<string, string> = {
    i: 'input gate i',
    f: 'forget gate f',
    o: 'output gate o',
    g: 'candidate g',
    c: 'cell state c',
    h: 'hidden state h',
    z: 'update gate z',
    r: 'reset gate r',
    candidate: 'candidate',
  };
  const order = trace.type === 'LSTM' ? ['i', 'f', 'o', 'c'] : Object.keys(trace.series);
  return order.filter((k) => trace.series[k]).map((key) => ({ key, label: names[key] ?? key }));
}
