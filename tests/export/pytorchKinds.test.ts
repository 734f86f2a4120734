// Every kind of graph, trained a few epochs and exported: the PyTorch Model with the exported
// weights, and the ONNX model in ONNX Runtime (onnxruntime-web's WebAssembly, in Node), reproduce
// LayerLab's predictions on the validation split (max abs diff ≤ 1e-4); the state_dict keys are
// exactly the weights file's, and onnx.checker passes.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_GRAPHS, writeGraph } from './graphs';
import { exportAndPredict, jsonLines, runPython, trainGraph } from './exportHelpers';

const here = join(import.meta.dirname, 'compare_pytorch.py');
ort.env.wasm.numThreads = 1;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('PyTorch and ONNX exports reproduce LayerLab', () => {
  it('for dense, CNN, residual, BatchNorm + Dropout, Embedding + LSTM/GRU and regression graphs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'layerlab-export-'));
    const pairs: string[] = [];
    for (const kind of Object.keys(EXPORT_GRAPHS)) {
      const dir = join(root, kind);
      const { setup, epochs } = await trainGraph(writeGraph(root, kind));
      expect(epochs.length, kind).toBe(3);
      const exported = exportAndPredict(setup, dir);
      pairs.push(exported.folder, exported.predictions);
      const session = await ort.InferenceSession.create(exported.onnx);
      const result = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', exported.x, exported.dims) });
      const onnxOut = result[session.outputNames[0]].data as Float32Array;
      expect(onnxOut.length, kind).toBe(exported.outputs.length);
      expect(maxAbsDiff(onnxOut, exported.outputs), kind).toBeLessThanOrEqual(1e-4);
    }
    // One Python process for all folders: importing torch is the slow part.
    const r = await runPython([here, ...pairs]);
    expect(r.code, r.stderr).toBe(0);
    const results = jsonLines<{
      dir: string;
      maxAbsDiff: number;
      rows: number;
      keysMatch: boolean;
      onnxChecked: boolean;
      header: string[];
      outputNames: string[];
    }>(r.stdout);
    expect(results).toHaveLength(Object.keys(EXPORT_GRAPHS).length);
    for (const result of results) {
      expect(result.keysMatch, result.dir).toBe(true);
      expect(result.onnxChecked, result.dir).toBe(true);
      expect(result.rows, result.dir).toBeGreaterThan(10);
      expect(result.header, result.dir).toEqual(result.outputNames);
      expect(result.maxAbsDiff, result.dir).toBeLessThanOrEqual(1e-4);
    }
  });
});
