// Small graph documents for tests.
import type { GraphDoc } from '../../src-shared/graphFormat';

type NodeSpec = [id: string, type: string, params?: Record<string, unknown>];

export function chain(nodes: NodeSpec[], training: Partial<GraphDoc['training']> = {}): GraphDoc {
  return graph(
    nodes,
    nodes.slice(1).map((n, i) => [nodes[i][0], n[0]]),
    training,
  );
}

export function graph(nodes: NodeSpec[], edges: Array<[string, string]>, training: Partial<GraphDoc['training']> = {}): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    nodes: nodes.map(([id, type, params], i) => ({ id, type, ...(params ? { params } : {}), position: { x: i * 200, y: 0 } })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
    training: {
      dataset: 'xor',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 4,
      epochs: 2,
      seed: 1,
      validationSplit: 0,
      ...training,
    },
  };
}
