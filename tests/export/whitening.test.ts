// PCA and ZCA whitening travel with the weights: the weights file carries mean and matrix as
// tensors and `predict` from it gives LayerLab's outputs exactly; PyTorch's Model (buffers) and
// ONNX Runtime (Sub + MatMul) reproduce them (≤ 1e-4) from raw inputs.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportAndPredict, jsonLines, runPython, trainGraph } from './exportHelpers';
import { runCli } from '../cli/runCli';
import { decodeWeightsFile, encodeWeightsFile, modelTensors } from '../../src-engine/export/weightsFile';
import { predictOutputs } from '../../src-engine/export/predict';
import { whiteningIn, whiteningTensors, withWhiteningTensors } from '../../src-engine/export/whiteningTensors';
import { channelsFirst } from '../../src-engine/export/pytorch/exportPytorch';
import { applyWhitening } from '../../src-engine/data/whitening';
import type { Preprocessing } from '../../src-engine/export/preprocessing';

const compare = join(import.meta.dirname, 'compare_pytorch.py');
ort.env.wasm.numThreads = 1;

function irisGraph(scaling: 'pca' | 'zca'): unknown {
  const iris = JSON.parse(readFileSync('examples/iris-mlp.json', 'utf8')) as { training: Record<string, unknown> };
  return { ...iris, name: `Iris ${scaling}`, training: { ...iris.training, datasetOptions: { scaling }, epochs: 2 } };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('exporting a model trained on whitened inputs', () => {
  it('pca and zca: the weights file, predict, PyTorch and ONNX Runtime give LayerLab’s outputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-whitening-export-'));
    const checks: string[] = [];
    for (const scaling of ['pca', 'zca'] as const) {
      const graphPath = join(dir, `${scaling}.json`);
      writeFileSync(graphPath, JSON.stringify(irisGraph(scaling)));
      const { setup } = await trainGraph(graphPath);
      const pre = setup.preprocessing;
      expect(pre.whitening?.kind).toBe(scaling);
      expect(pre.whitening?.matrix).toHaveLength(16);
      expect(pre.scaling).toBeUndefined();
      const exported = exportAndPredict(setup, join(dir, scaling));

      // The weights file: mean and matrix as tensors, the metadata only names the kind.
      const bytes = encodeWeightsFile(modelTensors(setup.run.model), { graph: setup.graph, preprocessing: pre });
      const file = decodeWeightsFile(bytes);
      expect(file.tensors.map((t) => t.name)).toContain('preprocess.matrix');
      expect(JSON.parse(file.metadata['layerlab.preprocessing']).whitening).toEqual({ kind: scaling });
      expect(file.preprocessing).toEqual(pre);
      const val = setup.raw.validation;
      expect(Array.from(predictOutputs(setup.run.model, file.preprocessing!, val.x, val.count))).toEqual(
        Array.from(exported.outputs),
      );

      // The PyTorch folder's weights (PyTorch layout) give the same preprocessing back.
      const torchFile = decodeWeightsFile(readFileSync(join(exported.folder, 'weights.safetensors')));
      expect(torchFile.preprocessing).toEqual(pre);

      const session = await ort.InferenceSession.create(exported.onnx);
      const result = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', exported.x, exported.dims) });
      expect(maxAbsDiff(result[session.outputNames[0]].data as Float32Array, exported.outputs)).toBeLessThanOrEqual(1e-4);

      if (scaling === 'pca') {
        // predict from the saved file, as a user runs it.
        const weights = join(dir, 'pca.safetensors');
        writeFileSync(weights, bytes);
        const cli = await runCli(['predict', graphPath, '--weights', weights, '--dataset', 'iris', '--split', 'validation']);
        expect(cli.code, cli.stderr).toBe(0);
        expect(cli.stdout.trim()).toBe(readFileSync(exported.predictions, 'utf8').trim());
      }
      checks.push(exported.folder, exported.predictions);
    }

    const r = await runPython([compare, ...checks]);
    expect(r.code, r.stderr).toBe(0);
    const results = jsonLines<{ maxAbsDiff: number; keysMatch: boolean; onnxChecked: boolean }>(r.stdout);
    expect(results).toHaveLength(2);
    for (const check of results) {
      expect(check.keysMatch).toBe(true);
      expect(check.onnxChecked).toBe(true);
      expect(check.maxAbsDiff).toBeLessThanOrEqual(1e-4);
    }
  });

  it('moves an image’s whitening into channels-first order and back', () => {
    const shape = [2, 2, 3];
    const f = 12;
    const whitening = {
      kind: 'zca' as const,
      mean: Array.from({ length: f }, (_, i) => Math.fround(i / 7)),
      matrix: Array.from({ length: f * f }, (_, i) => Math.fround(Math.sin(i + 1))),
    };
    const pre: Preprocessing = { task: 'regression', inputShape: shape, columns: [], outputNames: [], whitening };
    // Whitening in PyTorch's order on channels-first inputs = LayerLab's whitening, then channels-first.
    const x = Float32Array.from({ length: 2 * f }, (_, i) => Math.cos(i));
    const torch = whiteningIn(whitening, shape, 'pytorch');
    const asTorch = applyWhitening(
      { kind: 'zca', mean: Float64Array.from(torch.mean), matrix: Float64Array.from(torch.matrix) },
      channelsFirst(x, shape),
    );
    const expected = channelsFirst(
      applyWhitening({ kind: 'zca', mean: Float64Array.from(whitening.mean), matrix: Float64Array.from(whitening.matrix) }, x),
      shape,
    );
    expect(maxAbsDiff(asTorch, expected)).toBeLessThanOrEqual(1e-6);
    expect(
      withWhiteningTensors(
        { ...pre, whitening: { ...whitening, mean: [], matrix: [] } },
        whiteningTensors(pre, 'pytorch'),
        'pytorch',
      ),
    ).toEqual(pre);
    expect(() => withWhiteningTensors(pre, [], 'layerlab')).toThrow(/no tensor preprocess\.mean/);
  });
});
