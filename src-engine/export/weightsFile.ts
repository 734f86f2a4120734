// A LayerLab weights file: the model's state tensors (`<nodeId>.<label>`, LayerLab's layout) in
// safetensors, with the graph and its preprocessing as metadata. Loading checks every name and
// shape and says which tensor does not fit.
import type { Model } from '../graph/model';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { decodeSafetensors, encodeSafetensors, SafetensorsError, type NamedTensor } from './safetensors';
import type { Preprocessing } from './preprocessing';
import { preprocessingJson, whiteningTensors, withWhiteningTensors } from './whiteningTensors';

export const WEIGHTS_FORMAT = 'layerlab.weights/1';

/** Tensors whose names start with this hold preprocessing (PyTorch buffers), not model state. */
export const PREPROCESS_PREFIX = 'preprocess.';

export interface WeightsFile {
  tensors: NamedTensor[];
  graph?: GraphDoc;
  preprocessing?: Preprocessing;
  /** 'pytorch' when written by an exported model (PyTorch names and layouts). */
  layout: 'layerlab' | 'pytorch';
  metadata: Record<string, string>;
}

/** A weights file that does not fit the model; the message names the tensor. */
export class WeightsError extends Error {}

export function modelTensors(model: Model): NamedTensor[] {
  return model
    .stateTensors()
    .map((t, i) => ({ name: t.name ?? `tensor${i}`, shape: [...t.shape], data: Float32Array.from(t.dataSync()) }));
}

export function encodeWeightsFile(
  tensors: NamedTensor[],
  info: { graph: GraphDoc; preprocessing: Preprocessing; checkpoint?: string; layout?: 'layerlab' | 'pytorch' },
): Uint8Array {
  // Whitening's mean and matrix travel as tensors beside the weights (whiteningTensors.ts).
  return encodeSafetensors([...tensors, ...whiteningTensors(info.preprocessing, info.layout ?? 'layerlab')], {
    format: WEIGHTS_FORMAT,
    'layerlab.layout': info.layout ?? 'layerlab',
    'layerlab.graph': JSON.stringify(info.graph),
    'layerlab.preprocessing': preprocessingJson(info.preprocessing),
    ...(info.checkpoint ? { 'layerlab.checkpoint': info.checkpoint } : {}),
  });
}

export function decodeWeightsFile(bytes: Uint8Array): WeightsFile {
  const { tensors, metadata } = decodeSafetensors(bytes);
  const parse = <T>(key: string): T | undefined => {
    if (metadata[key] === undefined) return undefined;
    try {
      return JSON.parse(metadata[key]) as T;
    } catch {
      throw new SafetensorsError(`metadata field ${key} is not valid JSON`);
    }
  };
  const layout = metadata['layerlab.layout'] === 'pytorch' ? 'pytorch' : 'layerlab';
  const preprocessing = parse<Preprocessing>('layerlab.preprocessing');
  return {
    tensors,
    metadata,
    graph: parse<GraphDoc>('layerlab.graph'),
    ...(preprocessing ? { preprocessing: withWhiteningTensors(preprocessing, tensors, layout) } : {}),
    layout,
  };
}

/** Copies tensors into the model by name; every model tensor must be there with its shape, and nothing else. */
export function loadModelTensors(model: Model, tensors: readonly NamedTensor[]): void {
  const byName = new Map(tensors.filter((t) => !t.name.startsWith(PREPROCESS_PREFIX)).map((t) => [t.name, t]));
  const state = model.stateTensors();
  const known = new Set(state.map((t) => t.name));
  for (const name of byName.keys()) {
    if (!known.has(name))
      throw new WeightsError(`tensor ${name} in the weights file is not in this graph (its tensors: ${[...known].join(', ')})`);
  }
  for (const t of state) {
    const saved = byName.get(t.name ?? '');
    if (!saved) throw new WeightsError(`the weights file has no tensor ${t.name}`);
    if (saved.shape.length !== t.shape.length || saved.shape.some((d, i) => d !== t.shape[i])) {
      throw new WeightsError(
        `tensor ${t.name} has shape [${saved.shape.join(', ')}] in the weights file but [${t.shape.join(', ')}] in the graph`,
      );
    }
  }
  for (const t of state) t.dataSync().set(byName.get(t.name!)!.data);
}
