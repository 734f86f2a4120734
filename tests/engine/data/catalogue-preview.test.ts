import { describe, expect, it } from 'vitest';
import { datasetRegistry, datasetSummary, createGeneratedDataset, isGeneratedId } from '../../../src-engine/data/catalogue';
import { parseCsv } from '../../../src-engine/data/csv';
import { buildIdxDataset } from '../../../src-engine/data/idx';
import { encodeIdx } from '../../../src-engine/data/idx-encode';
import { datasetPreview, summarize } from '../../../src-engine/data/preview';

describe('catalogue', () => {
  it('lists exactly the built-in ids', () => {
    expect(datasetRegistry.names().sort()).toEqual(
      [
        'not',
        'and',
        'or',
        'nand',
        'xor',
        'circle',
        'xor2d',
        'gaussian',
        'spiral',
        'moons',
        'sine',
        'plane',
        'shapes',
        'cars',
        'penguins',
        'seattle-weather',
        'iris',
        'mnist',
        'adding',
        'sine-seq',
        'co2',
        'names',
        'skipgram',
        'cbow',
      ].sort(),
    );
  });

  it('describes each generated dataset as it is actually generated with defaults', () => {
    for (const entry of datasetRegistry.list().filter((e) => isGeneratedId(e.id))) {
      const summary = summarize(createGeneratedDataset(entry.id));
      expect(summary).toEqual(datasetSummary(entry));
    }
  });
});

describe('datasetPreview', () => {
  it('2-D inputs → points labelled by class', () => {
    const ds = createGeneratedDataset('moons', { samples: 50 });
    const preview = datasetPreview(ds);
    expect(preview.kind).toBe('points');
    if (preview.kind !== 'points') return;
    expect(preview.points).toHaveLength(50);
    expect(preview.points[3]).toEqual({ x: ds.x[6], y: ds.x[7], label: ds.y[3] });
    const capped = datasetPreview(ds, 10);
    expect(capped.kind === 'points' ? capped.points.length : -1).toBe(10);
  });

  it('1-D regression → the curve, input across and target up', () => {
    const ds = createGeneratedDataset('sine', { samples: 20 });
    const preview = datasetPreview(ds);
    if (preview.kind !== 'points') throw new Error(preview.kind);
    expect(preview.points[0]).toEqual({ x: ds.x[0], y: ds.y[0], label: ds.y[0] });
  });

  it('images → up to 16 thumbnails with 0..255 integer pixels', () => {
    const pixels = Uint8Array.from({ length: 20 * 4 }, (_, i) => (i * 13) % 256);
    const ds = buildIdxDataset(encodeIdx([20, 2, 2], pixels), encodeIdx([20], new Uint8Array(20).fill(7)));
    const preview = datasetPreview(ds);
    if (preview.kind !== 'images') throw new Error(preview.kind);
    expect([preview.width, preview.height, preview.channels]).toEqual([2, 2, 1]);
    expect(preview.images).toHaveLength(16);
    expect(preview.images[1]).toEqual({ pixels: Array.from(pixels.subarray(4, 8)), label: 7 });
  });

  it('other tables → column names and the first 10 rows, classes by name', () => {
    const rows = Array.from({ length: 15 }, (_, i) => `${i},${i * 2},${i * 0.1},${i % 2 ? 'odd' : 'even'}`);
    const { dataset } = parseCsv(['a,b,c,parity', ...rows].join('\n'), { target: 'parity' });
    const preview = datasetPreview(dataset);
    if (preview.kind !== 'table') throw new Error(preview.kind);
    expect(preview.columns).toEqual(['a', 'b', 'c', 'parity']);
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[3]).toEqual([3, 6, 0.3, 'odd']);
  });
});

describe('summarize', () => {
  it('reports counts, shapes and the test split size', () => {
    const ds = buildIdxDataset(encodeIdx([3, 2, 2], new Uint8Array(12)), encodeIdx([3], Uint8Array.of(1, 2, 3)), {
      id: 'tiny',
      test: { images: encodeIdx([2, 2, 2], new Uint8Array(8)), labels: encodeIdx([2], Uint8Array.of(0, 1)) },
    });
    expect(summarize(ds)).toMatchObject({ id: 'tiny', task: 'classification', inputShape: [2, 2, 1], count: 3, testCount: 2 });
  });
});
