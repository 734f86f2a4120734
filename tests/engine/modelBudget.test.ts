// Issue #14, item 4: a model too big for memory is refused before any weight is allocated,
// naming the node and its parameter count against the machine's stated limit.
import { afterAll, describe, expect, it } from 'vitest';
import './setup';
import { validateGraph } from '../../src-engine/graph/validate';
import { Model } from '../../src-engine/graph/model';
import { ModelTooLargeError, parameterLimit, setParameterMemory } from '../../src-engine/graph/parameterBudget';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import type { GraphDoc } from '../../src-shared/graphFormat';

const before = parameterLimit();
afterAll(() => setParameterMemory(before.limit * 16, before.reason));

function wide(units: number, inputs: number): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [inputs] } },
      { id: 'huge', type: 'Dense', params: { units } },
      { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' } },
    ],
    edges: [
      { id: 'a', source: 'input', target: 'huge' },
      { id: 'b', source: 'huge', target: 'output' },
    ],
    training: {
      dataset: 'xor',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 4,
      epochs: 1,
      seed: 1,
      validationSplit: 0,
    },
  };
}

describe('the parameter budget', () => {
  it('refuses Dense 65536 → Dense 65536 before allocating, naming the node', () => {
    setParameterMemory(8 * 2 ** 30, 'half of a test machine of 16.0 GB');
    const v = validateGraph(wide(65536, 65536), { task: 'classification', inputShape: [65536], targetShape: [2], classCount: 2 });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const error = (() => {
      try {
        new Model(v.validated, 1);
        return null;
      } catch (e) {
        return e as ModelTooLargeError;
      }
    })();
    expect(error).toBeInstanceOf(ModelTooLargeError);
    expect(error!.nodeId).toBe('huge');
    expect(error!.message).toBe(
      "would hold 4,294,967,296 parameters (4,294,967,296 in the model so far); this machine's limit is 536,870,912 parameters (half of a test machine of 16.0 GB, 16 bytes each for weights, gradients and optimizer state)",
    );
  });

  it('reports it as an issue of the node when a run is prepared', () => {
    setParameterMemory(16 * 1e8, 'a test budget');
    // The issue's graph on a real dataset: 2 inputs → Dense 65536 → Dense 65536 → 2 classes.
    const g = wide(65536, 2);
    g.nodes.splice(1, 0, { id: 'first', type: 'Dense', params: { units: 65536 } });
    g.edges = [
      { id: 'a', source: 'input', target: 'first' },
      { id: 'b', source: 'first', target: 'huge' },
      { id: 'c', source: 'huge', target: 'output' },
    ];
    const prepared = prepareRun(g, createGeneratedDataset('xor', {}));
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.issues[0]).toMatchObject({
      nodeId: 'huge',
      message: expect.stringMatching(
        /^would hold 4,294,967,296 parameters \(4,295,163,904 in the model so far\); this machine's limit is 100,000,000 parameters \(a test budget/,
      ),
    });
  });
});
