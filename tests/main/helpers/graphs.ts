// Small graphs that train in well under a second (xor) or for a few seconds (circle), for host tests.
import type { GraphDoc } from '../../../src-shared/graphFormat';

export function xorGraph(epochs = 30, optimizer = 'adam'): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    name: 'XOR',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [2] }, position: { x: 0, y: 0 } },
      { id: 'hidden', type: 'Dense', params: { units: 4, activation: 'tanh' }, position: { x: 200, y: 0 } },
      { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' }, position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'hidden' },
      { id: 'e2', source: 'hidden', target: 'output' },
    ],
    training: {
      dataset: 'xor',
      loss: 'cross_entropy',
      optimizer: { name: optimizer, lr: 0.05 },
      batchSize: 4,
      epochs,
      seed: 1,
      validationSplit: 0,
      initializer: 'xavier_uniform',
    },
  };
}

/** About 20 ms an epoch on one core: long enough to pause, stop or kill mid-run. */
export function circleGraph(epochs = 300, seed = 1): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    name: 'Circle',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [2] } },
      { id: 'hidden', type: 'Dense', params: { units: 16, activation: 'tanh' } },
      { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' } },
    ],
    edges: [
      { source: 'input', target: 'hidden' },
      { source: 'hidden', target: 'output' },
    ],
    training: {
      dataset: 'circle',
      datasetOptions: { samples: 400 },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 8,
      epochs,
      seed,
      validationSplit: 0.2,
      initializer: 'he_uniform',
    },
  };
}

/** A small iris MLP (standard scaling) for tests that train a few runs to compare or ensemble. */
export function irisGraph(seed: number, epochs = 4): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    name: `Iris seed ${seed}`,
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [4] } },
      { id: 'hidden', type: 'Dense', params: { units: 6, activation: 'relu' } },
      { id: 'output', type: 'Dense', params: { units: 3, activation: 'softmax' } },
    ],
    edges: [
      { source: 'input', target: 'hidden' },
      { source: 'hidden', target: 'output' },
    ],
    training: {
      dataset: 'iris',
      datasetOptions: { scaling: 'standard' },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.02 },
      batchSize: 16,
      epochs,
      seed,
      validationSplit: 0.3,
    },
  };
}
