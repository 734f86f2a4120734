// Small graph builders for the built-in lessons: a chain of layers left to right, written as data.
import { GRAPH_FORMAT, type GraphDoc, type TrainingConfig } from '../../../src-shared/graphFormat';

export type LayerSpec = [id: string, type: string, params?: Record<string, unknown>];

export function chainGraph(
  name: string,
  layers: LayerSpec[],
  training: Partial<TrainingConfig> & Pick<TrainingConfig, 'dataset' | 'loss'>,
): GraphDoc {
  return {
    format: GRAPH_FORMAT,
    name,
    nodes: layers.map(([id, type, params], i) => ({ id, type, ...(params ? { params } : {}), position: { x: i * 200, y: 0 } })),
    edges: layers.slice(1).map(([id], i) => ({ id: `e${i + 1}`, source: layers[i][0], target: id })),
    training: { optimizer: { name: 'sgd', lr: 0.1 }, batchSize: 32, epochs: 10, seed: 1, validationSplit: 0, ...training },
  };
}

/** `count` Dense layers named `${prefix}1…`, all alike. */
export function denseStack(count: number, prefix: string, params: Record<string, unknown>): LayerSpec[] {
  return Array.from({ length: count }, (_, i): LayerSpec => [`${prefix}${i + 1}`, 'Dense', { ...params }]);
}

export const ids = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
