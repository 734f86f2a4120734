// Shared helpers of the sequence-model tests: building one layer, graphs for recurrent models.
import { Rng } from '../../../src-engine/core/rng';
import { validateParams } from '../../../src-engine/core/params';
import { getLayer, type LayerInstance } from '../../../src-engine/layers';
import { isInitializer } from '../../../src-engine/init';
import type { GraphDoc } from '../../../src-shared/graphFormat';

export function buildLayer(type: string, inputShape: number[], params: Record<string, unknown>, seed = 1): LayerInstance {
  const def = getLayer(type);
  if (!def) throw new Error(`no layer ${type}`);
  const { values, errors } = validateParams(def.params, params, isInitializer);
  if (errors.length) throw new Error(JSON.stringify(errors));
  return def.build([inputShape], values, {
    rng: new Rng(seed).fork('init'),
    defaultInitializer: 'xavier_uniform',
    name: type.toLowerCase(),
  });
}

type NodeSpec = [id: string, type: string, params?: Record<string, unknown>];

/** A chain of layers with the given training section. */
export function sequenceChain(
  nodes: NodeSpec[],
  training: Partial<GraphDoc['training']> & { dataset: string; loss: string },
): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    nodes: nodes.map(([id, type, params]) => ({ id, type, ...(params ? { params } : {}) })),
    edges: nodes.slice(1).map((n, i) => ({ source: nodes[i][0], target: n[0] })),
    training: { optimizer: { name: 'adam', lr: 0.01 }, batchSize: 32, epochs: 1, seed: 1, validationSplit: 0.2, ...training },
  };
}
