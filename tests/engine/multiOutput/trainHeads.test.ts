// Training several outputs at once: the total loss is Σ weightᵢ·Lᵢ, its gradient the weighted sum
// of each output's, the gradient check covers every head, and training improves both heads.
import { describe, expect, it } from 'vitest';
import { cpu64 } from '../setup';
import { withBackend } from '../../../src-engine/core/backend';
import { backward } from '../../../src-engine/core/autograd';
import { tensor } from '../../../src-engine/core/tensor';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { modelGradCheck } from '../../../src-engine/train/modelGradCheck';
import { cpuFloat64 } from '../../../src-engine/hosts/node/cpuEngine';
import { HeadsBatchMaker, headLogits } from '../../../src-engine/train/multiOutput/headBatches';
import { forwardHeads } from '../../../src-engine/train/multiOutput/headLoss';
import { Rng } from '../../../src-engine/core/rng';
import { trainGraph } from '../trainHelpers';
import { classBoxGraph } from './shapesGraph';

const shapes = createGeneratedDataset('shapes', { samples: 240, seed: 3 });

function prepared(training = {}) {
  const p = prepareRun(classBoxGraph(training), shapes);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.run;
}

describe('multi-output loss', () => {
  it('is Σ weightᵢ·Lᵢ, and its gradient is Σ weightᵢ·∇Lᵢ', () => {
    withBackend(cpu64, () => {
      const run = prepared();
      const heads = run.setup.heads!;
      const model = run.model;
      const maker = new HeadsBatchMaker(run.setup.train, run.setup.inputShape, heads, 5);
      const batch = maker.make(
        Int32Array.from({ length: 8 }, (_, i) => i),
        0,
        8,
      );
      const logitsAt = headLogits(heads, (id) => model.nodes.find((n) => n.id === id)?.instance.squash);
      // The class head ends in softmax, folded into cross-entropy; the box head's sigmoid stays.
      expect([...logitsAt]).toEqual([['class', 'softmax']]);
      const mode = { training: false, rng: new Rng(1) };
      const gradOf = (pick: (f: ReturnType<typeof forwardHeads>) => ReturnType<typeof forwardHeads>['total']) => {
        for (const p of model.params()) p.grad = null;
        const f = forwardHeads(model, heads, logitsAt, batch, mode);
        backward(pick(f), tensor([1], []));
        // A parameter the loss does not reach gets no gradient at all: zero.
        return {
          f,
          grads: model.params().map((p) => (p.grad ? Float64Array.from(p.grad.dataSync()) : new Float64Array(p.size))),
        };
      };
      const total = gradOf((f) => f.total);
      const [l0, l1] = total.f.losses.map((l) => l.dataSync()[0]);
      expect(total.f.total.dataSync()[0]).toBeCloseTo(1 * l0 + 4 * l1, 12);
      const g0 = gradOf((f) => f.losses[0]).grads;
      const g1 = gradOf((f) => f.losses[1]).grads;
      total.grads.forEach((g, k) => {
        for (let i = 0; i < g.length; i++) expect(g[i]).toBeCloseTo(g0[k][i] + 4 * g1[k][i], 10);
      });
      // The class head's loss has no path to the box head's weights, and the other way round.
      const names = model.params().map((p) => p.name);
      expect(Math.max(...g0[names.indexOf('box.kernel')].map(Math.abs))).toBe(0);
      expect(Math.max(...g1[names.indexOf('class.kernel')].map(Math.abs))).toBe(0);
    });
  });

  it('passes the gradient check through both heads into the shared trunk', () => {
    const run = prepared();
    const errors = modelGradCheck(
      run.validated,
      { split: run.setup.train, task: run.setup.task, inputShape: run.setup.inputShape },
      cpuFloat64(),
      { samples: 4 },
    );
    expect(errors.map((e) => `${e.nodeId}.${e.param}`).sort()).toEqual(
      ['box.bias', 'box.kernel', 'class.bias', 'class.kernel', 'hidden.bias', 'hidden.kernel'].sort(),
    );
    for (const e of errors) {
      expect(e.maxGradient).toBeGreaterThan(0);
      expect(e.maxRelError).toBeLessThan(1e-4);
    }
  });
});

describe('training a class head and a box head', () => {
  it('improves both heads, and reports each one per epoch', async () => {
    const { epochs, done } = await trainGraph(classBoxGraph({ epochs: 8 }), shapes);
    expect(done.status).toBe('completed');
    const first = epochs[0].outputs!;
    const last = epochs.at(-1)!.outputs!;
    expect(Object.keys(last)).toEqual(['class', 'box']);
    // Chance is 1/3 for the class; R² 0 is the mean box.
    expect(last.class.valAcc!).toBeGreaterThan(0.6);
    expect(last.class.valAcc!).toBeGreaterThan(first.class.valAcc!);
    expect(last.class.valLoss!).toBeLessThan(first.class.valLoss!);
    expect(last.box.valR2!).toBeGreaterThan(0.3);
    expect(last.box.valR2!).toBeGreaterThan(first.box.valR2!);
    expect(last.box.valMae!).toBeLessThan(first.box.valMae!);
    // The epoch's loss is the weighted total of the outputs' own.
    const e = epochs.at(-1)!;
    expect(e.valLoss!).toBeCloseTo(last.class.valLoss! + 4 * last.box.valLoss!, 5);
    expect(e.trainLoss).toBeCloseTo(last.class.trainLoss + 4 * last.box.trainLoss, 5);
  });

  it('is reproducible from the seed', async () => {
    const a = await trainGraph(classBoxGraph({ epochs: 2 }), shapes);
    const b = await trainGraph(classBoxGraph({ epochs: 2 }), shapes);
    expect(b.epochs.map((e) => e.outputs)).toEqual(a.epochs.map((e) => e.outputs));
  });
});
