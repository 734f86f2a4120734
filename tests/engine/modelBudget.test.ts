// Issue #14, item 4: a model too big for memory is refused while the graph is validated, before a
// run is stored or any weight allocated, naming the node and its parameter count against the
// machine's stated limit. The counts come from each layer's declaration, held to the real
// weights here for every registered layer.
import { describe, expect, it } from 'vitest';
import './setup';
import { validateGraph } from '../../src-engine/graph/validate';
import { parameterCounts, parameterLimit } from '../../src-engine/graph/parameterBudget';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { listLayers } from '../../src-engine/layers';
import { validateParams } from '../../src-engine/core/params';
import { isInitializer } from '../../src-engine/init';
import { Rng } from '../../src-engine/core/rng';
import { DEFAULT_INITIALIZER, type GraphDoc } from '../../src-shared/graphFormat';

const SIXTEEN_GB = { bytes: 8 * 2 ** 30, reason: 'half of a test machine of 16.0 GB' };
const xorInfo = { task: 'classification' as const, inputShape: [2], targetShape: [1], classCount: 2 };

/** 2 inputs → Dense first → Dense huge → 2 classes. */
function wide(first: number, huge: number): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [2] } },
      { id: 'first', type: 'Dense', params: { units: first } },
      { id: 'huge', type: 'Dense', params: { units: huge } },
      { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' } },
    ],
    edges: [
      { id: 'a', source: 'input', target: 'first' },
      { id: 'b', source: 'first', target: 'huge' },
      { id: 'c', source: 'huge', target: 'output' },
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
  it('refuses Dense 65536 → Dense 65536 in validation, naming the node, its count and the limit', () => {
    const v = validateGraph(wide(65536, 65536), xorInfo, { parameterMemory: SIXTEEN_GB });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues).toEqual([
      {
        nodeId: 'huge',
        message:
          "would hold 4,295,032,832 parameters (4,295,229,440 in the model so far); this machine's limit is 536,870,912 parameters (half of a test machine of 16.0 GB, 16 bytes each for weights, gradients and optimizer state)",
      },
    ]);
    // Without a memory figure (the editor's live check) the graph's shapes are fine.
    expect(validateGraph(wide(65536, 65536), xorInfo).ok).toBe(true);
  });

  it('lets a model within the limit through, and prepareRun applies the memory it is given', () => {
    expect(validateGraph(wide(64, 64), xorInfo, { parameterMemory: SIXTEEN_GB }).ok).toBe(true);
    const prepared = prepareRun(wide(4096, 4096), createGeneratedDataset('xor', {}), {
      parameterMemory: { bytes: 16 * 1e6, reason: 'a test budget' },
    });
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.issues[0]).toMatchObject({
      nodeId: 'huge',
      message: expect.stringMatching(
        /^would hold 16,781,312 parameters .*this machine's limit is 1,000,000 parameters \(a test budget/,
      ),
    });
    expect(parameterLimit({ bytes: 0, reason: '' })).toBe(1_000_000);
  });

  it('counts exactly the weights every registered layer builds', () => {
    for (const def of listLayers()) {
      const has = (name: string) => def.params.some((p) => p.name === name);
      const cases = def.gradCheck.flatMap((c) => [
        c,
        ...(has('useBias') ? [{ ...c, params: { ...c.params, useBias: !(c.params.useBias ?? true) } }] : []),
        ...(has('initialState') ? [{ ...c, params: { ...c.params, initialState: 'learned' } }] : []),
      ]);
      for (const c of cases) {
        const checked = validateParams(def.params, c.params, isInitializer);
        expect(checked.errors, def.type).toEqual([]);
        const built = def.build(c.inputShapes, checked.values, {
          rng: new Rng(1),
          defaultInitializer: DEFAULT_INITIALIZER,
          name: 'n',
        });
        const size = built.params.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
        const [counted] = parameterCounts([
          { id: 'n', def, params: checked.values, inputIds: [], inputShapes: c.inputShapes, outputShape: [] },
        ]);
        expect(counted.count, `${def.type} ${JSON.stringify(c.params)}`).toBe(size);
      }
    }
  });
});
