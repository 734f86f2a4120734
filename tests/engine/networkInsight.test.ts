// What the editor draws inside the nodes (issue #16, item 2), computed by the engine: unit maps over
// the input plane, small Dense kernels, Conv2D filters and feature maps, predicted image samples.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import { insightOptions, GALLERY_SIZE } from '../../src-engine/train/insightOptions';
import { MAX_CONV_CHANNELS, NEURON_GRID } from '../../src-engine/train/networkInsight';
import { noGrad } from '../../src-engine/core/autograd';
import { tensor } from '../../src-engine/core/tensor';
import { Rng } from '../../src-engine/core/rng';
import type { Dataset } from '../../src-engine/data/types';
import type { EngineEvent, InsightEvent } from '../../src-shared/engineEvents';
import { chain } from './graphs';

async function lastInsight(doc: Parameters<typeof prepareRun>[0], data: Dataset) {
  const prepared = prepareRun(doc, data);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const { setup, scaler } = prepared.run;
  const options = insightOptions(
    { network: true, boundary: true },
    setup.inputShape,
    setup.train,
    data,
    setup.seed,
    scaler,
    setup.validation,
  );
  const events: EngineEvent[] = [];
  await train({ ...setup, insights: options }, (e) => events.push(e));
  const insight = events.filter((e): e is InsightEvent => e.event === 'insight').pop()!;
  return { insight, model: prepared.run.model, options: options! };
}

describe('network insight for 2-D inputs', () => {
  it('maps every unit of each layer over the plane, matching the model at a grid cell, and sends the small kernels', async () => {
    const spiral = createGeneratedDataset('spiral', { samples: 120, seed: 2 });
    const doc = chain(
      [
        ['in', 'Input'],
        ['h1', 'Dense', { units: 8, activation: 'tanh' }],
        ['h2', 'Dense', { units: 8, activation: 'relu' }],
        ['h3', 'Dense', { units: 8, activation: 'tanh' }],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      { dataset: 'spiral', epochs: 2, batchSize: 30, datasetOptions: { scaling: 'standard' } },
    );
    const { insight, model, options } = await lastInsight(doc, spiral);
    const net = insight.network!;
    expect(Object.keys(net.neurons!)).toEqual(['in', 'h1', 'h2', 'h3', 'out']);
    // The input's two features over the plane, in the model's (scaled) units: x₁ grows along a
    // row, x₂ up a column, where the first layer's weight lines start.
    const [x1, x2] = net.neurons!.in!.units as [number[], number[]];
    expect(x1[3 * NEURON_GRID + 0]).toBeLessThan(x1[3 * NEURON_GRID + NEURON_GRID - 1]!);
    expect(x1[0]).toBeCloseTo(x1[(NEURON_GRID - 1) * NEURON_GRID]!, 5);
    expect(x2[0]).toBeLessThan(x2[(NEURON_GRID - 1) * NEURON_GRID]!);
    expect(x2[0]).toBeCloseTo(x2[NEURON_GRID - 1]!, 5);
    const h2 = net.neurons!.h2!;
    expect(h2.size).toBe(NEURON_GRID);
    expect(h2.units).toHaveLength(8);
    expect(h2.units[0]).toHaveLength(NEURON_GRID * NEURON_GRID);
    // Cell (row 5, column 11) is the model's own output at that point of the (scaled) plane.
    const plane = options.network!.plane!;
    const at = (range: [number, number], i: number) => range[0] + ((range[1] - range[0]) * i) / (NEURON_GRID - 1);
    const point = tensor([at(plane.x, 11), at(plane.y, 5)], [1, 2]);
    const { activations } = noGrad(() => model.forward(point, { training: false, rng: new Rng(0) }, { keepActivations: true }));
    const h2Values = activations!.get('h2')!.dataSync();
    for (let u = 0; u < 8; u++) expect(h2.units[u]![5 * NEURON_GRID + 11]).toBeCloseTo(h2Values[u]!, 2);
    // Kernels [inputs, units] for the edges, the model's current values.
    expect(net.weights!.h1).toMatchObject({ rows: 2, cols: 8 });
    expect(net.weights!.h3).toMatchObject({ rows: 8, cols: 8 });
    const kernel = model.nodes.find((n) => n.id === 'h3')!.instance.params[0]!.dataSync();
    net.weights!.h3!.values.forEach((v, i) => expect(v).toBeCloseTo(kernel[i]!, 2));
  });

  it('sends the regression surface’s values over the plane', async () => {
    const plane = createGeneratedDataset('plane', { samples: 100, seed: 1 });
    const doc = chain(
      [
        ['in', 'Input'],
        ['h', 'Dense', { units: 4, activation: 'tanh' }],
        ['out', 'Dense', { units: 1 }],
      ],
      { dataset: 'plane', loss: 'mse', epochs: 1, batchSize: 20 },
    );
    const { insight } = await lastInsight(doc, plane);
    const b = insight.boundary!;
    expect(b.values).toHaveLength(b.ys.length);
    expect(b.values![0]).toEqual(b.confidence[0]);
  });

  it('leaves out kernels wider than 64', async () => {
    const circle = createGeneratedDataset('circle', { samples: 60, seed: 1 });
    const doc = chain(
      [
        ['in', 'Input'],
        ['wide', 'Dense', { units: 65, activation: 'relu' }],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      { dataset: 'circle', epochs: 1, batchSize: 30 },
    );
    const { insight } = await lastInsight(doc, circle);
    // 2 × 65 into the wide layer, 65 × 2 out of it: neither is drawn on an edge.
    expect(insight.network!.weights).toBeUndefined();
    // Units beyond 64 are not mapped.
    expect(insight.network!.neurons!.wide!.units).toHaveLength(64);
  });
});

describe('network insight for images', () => {
  // 6×6 grey images: class 1 has a bright left half.
  function tinyImages(count: number): Dataset {
    const x = new Float32Array(count * 36);
    const y = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      y[i] = i % 2;
      for (let p = 0; p < 36; p++) x[i * 36 + p] = p % 6 < 3 === (i % 2 === 1) ? 0.9 : 0.1 * ((i + p) % 3);
    }
    const base = { id: 'tiny', name: 'tiny', description: '', task: 'classification' as const, hash: 'tiny' };
    return { ...base, inputShape: [6, 6, 1], targetShape: [1], classNames: ['a', 'b'], x, y, count };
  }

  it('sends Conv2D filters, one sample’s feature maps and validation samples with their predicted class', async () => {
    const data = tinyImages(60);
    const doc = chain(
      [
        ['in', 'Input'],
        ['conv', 'Conv2D', { filters: 10, kernelSize: [3, 3], activation: 'relu' }],
        ['flat', 'Flatten'],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      { dataset: 'tiny', epochs: 2, batchSize: 10, validationSplit: 0.25 },
    );
    const { insight } = await lastInsight(doc, data);
    const conv = insight.network!.conv!.conv!;
    expect(conv.filters).toHaveLength(MAX_CONV_CHANNELS);
    expect(conv.filters[0]).toMatchObject({ rows: 3, cols: 3 });
    expect(conv.maps).toHaveLength(MAX_CONV_CHANNELS);
    expect(conv.maps[0]).toMatchObject({ rows: 4, cols: 4 });
    const gallery = insight.network!.gallery!;
    expect(gallery).toMatchObject({ width: 6, height: 6 });
    expect(gallery.items).toHaveLength(GALLERY_SIZE);
    for (const item of gallery.items) {
      expect(item.pixels).toHaveLength(36);
      expect(Math.max(...item.pixels)).toBe(255);
      expect([0, 1]).toContain(item.predicted);
      expect(item.confidence).toBeGreaterThanOrEqual(0.5);
    }
    // No plane to map for images.
    expect(insight.network!.neurons).toBeUndefined();
  });
});
