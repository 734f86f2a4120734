// Input features for 2-D data (issue #16): x₁², x₂², x₁x₂, sin x₁, sin x₂ as a dataset option the
// engine applies. With x₁² and x₂² a model without a hidden layer separates the circle.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { addPlaneFeatures, planeFeatureShape, planeFeatures } from '../../src-engine/data/planeFeatures';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { PLANE_FEATURES, type GraphDoc } from '../../src-shared/graphFormat';
import { chain } from './graphs';
import { trainGraph } from './trainHelpers';
import { insightOptions } from '../../src-engine/train/insightOptions';
import { train } from '../../src-engine/train/trainer';
import type { EngineEvent, InsightEvent } from '../../src-shared/engineEvents';

const linear = (features?: GraphDoc['training']['datasetOptions']): GraphDoc =>
  chain(
    [
      ['in', 'Input'],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ],
    {
      dataset: 'circle',
      epochs: 40,
      batchSize: 16,
      validationSplit: 0.25,
      optimizer: { name: 'adam', lr: 0.05 },
      ...(features ? { datasetOptions: features } : {}),
    },
  );
const circle = createGeneratedDataset('circle', { samples: 400, seed: 2 });

describe('input features of 2-D data', () => {
  it('appends each chosen feature as a column, in one fixed order, once', () => {
    const ds = addPlaneFeatures(circle, ['sin2', 'x1sq', 'x1sq']);
    expect(ds.inputShape).toEqual([4]);
    const [x1, x2] = [circle.x[6]!, circle.x[7]!];
    expect(Array.from(ds.x.subarray(12, 16))).toEqual(Array.from(Float32Array.of(x1, x2, x1 * x1, Math.sin(x2))));
    expect(ds.hash).not.toBe(circle.hash);
    expect(planeFeatures.map((f) => f.id)).toEqual([...PLANE_FEATURES]);
    expect(planeFeatureShape([2], ['x1sq', 'x2sq', 'x1x2'])).toEqual([5]);
    expect(planeFeatureShape([4], ['x1sq'])).toEqual([4]);
  });

  it('a linear model with x₁² and x₂² solves the circle (> 95 %); without them it cannot', async () => {
    const withFeatures = await trainGraph(linear({ features: ['x1sq', 'x2sq'] }), circle);
    expect(withFeatures.run.model.nodes.find((n) => n.id === 'in')!.outputShape).toEqual([4]);
    expect(withFeatures.done.finalValAcc).toBeGreaterThan(0.95);
    const plain = await trainGraph(linear(), circle);
    expect(plain.done.finalValAcc).toBeLessThan(0.75);
  });

  it('draws the decision boundary over (x₁, x₂) through the features, also with standard scaling', async () => {
    const doc = linear({ features: ['x1sq', 'x2sq'], scaling: 'standard' });
    const prepared = prepareRun(doc, circle);
    if (!prepared.ok) throw new Error('valid graph expected');
    const { setup, scaler } = prepared.run;
    const options = insightOptions(
      { boundary: true },
      setup.inputShape,
      setup.train,
      circle,
      setup.seed,
      scaler,
      setup.validation,
      ['x1sq', 'x2sq'],
    )!;
    options.boundary!.resolution = 41;
    const events: EngineEvent[] = [];
    await train({ ...setup, insights: options }, (e) => events.push(e));
    const b = events.filter((e): e is InsightEvent => e.event === 'insight').pop()!.boundary!;
    // In the data's own units (about ±5), and the points lie on their class's colour: a circle from a linear model.
    expect(b.xs[0]).toBeLessThan(-4.5);
    const cell = (axis: number[], v: number) =>
      Math.round(((v - axis[0]!) / (axis[axis.length - 1]! - axis[0]!)) * (axis.length - 1));
    let agree = 0;
    for (let i = 0; i < circle.count; i++) {
      const [x, y] = [circle.x[i * 2]!, circle.x[i * 2 + 1]!];
      if (b.predicted[cell(b.ys, y)]![cell(b.xs, x)] === circle.y[i]) agree++;
    }
    expect(agree / circle.count).toBeGreaterThan(0.93);
  });

  it('refuses features on data that is not 2-D, naming the field', () => {
    const spiral = createGeneratedDataset('spiral', { samples: 60 });
    const doc = linear({ features: ['x1sq'] });
    const wide = { ...spiral, inputShape: [4], x: new Float32Array(spiral.count * 4) };
    const prepared = prepareRun(doc, wide);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) {
      expect(prepared.issues[0]!.field).toBe('training.datasetOptions.features');
      expect(prepared.issues[0]!.message).toMatch(/need 2-D data/);
    }
  });
});
