// Every kind of graph, trained a few epochs and exported: the PyTorch Model with the exported
// weights reproduces LayerLab's predictions on the validation split (max abs diff ≤ 1e-4), and
// its state_dict keys are exactly the weights file's.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_GRAPHS, writeGraph } from './graphs';
import { exportAndPredict, jsonLines, runPython, trainGraph } from './exportHelpers';

const here = join(import.meta.dirname, 'compare_pytorch.py');

describe('PyTorch export reproduces LayerLab', () => {
  it('for dense, CNN, residual, BatchNorm + Dropout, Embedding + LSTM/GRU and regression graphs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'layerlab-export-'));
    const pairs: string[] = [];
    for (const kind of Object.keys(EXPORT_GRAPHS)) {
      const dir = join(root, kind);
      const { setup, epochs } = await trainGraph(writeGraph(root, kind));
      expect(epochs.length, kind).toBe(3);
      const { folder, predictions } = exportAndPredict(setup, dir);
      pairs.push(folder, predictions);
    }
    // One Python process for all folders: importing torch is the slow part.
    const r = await runPython([here, ...pairs]);
    expect(r.code, r.stderr).toBe(0);
    const results = jsonLines<{ dir: string; maxAbsDiff: number; rows: number; keysMatch: boolean; header: string[]; outputNames: string[] }>(r.stdout);
    expect(results).toHaveLength(Object.keys(EXPORT_GRAPHS).length);
    for (const result of results) {
      expect(result.keysMatch, result.dir).toBe(true);
      expect(result.rows, result.dir).toBeGreaterThan(10);
      expect(result.header, result.dir).toEqual(result.outputNames);
      expect(result.maxAbsDiff, result.dir).toBeLessThanOrEqual(1e-4);
    }
  });
});
