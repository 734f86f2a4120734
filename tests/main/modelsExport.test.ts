// models.export: a run's stored weights as the files a user takes away (the app's Export menu),
// written in a real engine process by the CLI's exporters. The safetensors file holds exactly the
// stored checkpoint; the ONNX file, run in ONNX Runtime on raw validation rows, gives LayerLab's
// own predictions from those weights; the PyTorch folder arrives as one zip; what cannot travel
// is refused by name.
import * as ort from 'onnxruntime-web';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { irisGraph } from './helpers/graphs';
import { decodeWeightsFile, loadModelTensors } from '../../src-engine/export/weightsFile';
import { predictOutputs } from '../../src-engine/export/predict';
import { rawSplits } from '../../src-engine/export/modelExport';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { useCpuBackend } from '../../src-engine/hosts/node/cpuEngine';
import { loadGraphDataset } from '../../src-engine/hosts/node/runJob/datasetLoad';
import type { GraphDoc } from '../../src-shared/graphFormat';

ort.env.wasm.numThreads = 1;
const bytesOf = (base64: string | undefined): Uint8Array => new Uint8Array(Buffer.from(base64 ?? '', 'base64'));

describe('models.export', () => {
  const app = startTestApp({ engine: 'thread' });
  const { runs, models } = app.services.handlers;
  let runId = '';
  let graph: GraphDoc;

  it('exports the best weights as safetensors: the stored tensors, the graph and the preprocessing', async () => {
    graph = { ...irisGraph(5, 6), name: 'Iris for export' };
    runId = (await runs.start(graph, { name: 'Iris / export' })).runId;
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const result = await models.export(runId, { checkpoint: 'best', format: 'safetensors' });
    expect(result.fileName).toBe('Iris-export.safetensors');
    const bytes = bytesOf(result.base64);
    expect(result.bytes).toBe(bytes.length);
    const file = decodeWeightsFile(bytes);
    const stored = (await runs.checkpoint(runId, 'best'))!;
    expect(file.tensors.map((t) => t.name)).toEqual(stored.tensors.map((t) => t.name));
    for (const [i, t] of file.tensors.entries()) expect(Array.from(t.data)).toEqual(stored.tensors[i].data);
    expect(file.metadata['layerlab.checkpoint']).toBe('best');
    expect(file.preprocessing?.scaling?.kind).toBe('standard');
    expect(file.preprocessing?.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(file.graph?.training.dataset).toBe('iris');
  });

  it('exports ONNX that reproduces LayerLab on raw validation rows (max abs diff ≤ 1e-4)', async () => {
    const weights = decodeWeightsFile(
      bytesOf((await models.export(runId, { checkpoint: 'final', format: 'safetensors' })).base64),
    );
    const onnx = await models.export(runId, { checkpoint: 'final', format: 'onnx' });
    expect(onnx.fileName).toBe('Iris-export.onnx');
    // LayerLab's own predictions from the exported weights, on the run's raw validation rows.
    useCpuBackend();
    const dataset = await loadGraphDataset(graph);
    const prepared = prepareRun(graph, dataset);
    if (!prepared.ok) throw new Error('the iris graph does not build');
    loadModelTensors(prepared.run.model, weights.tensors);
    const val = rawSplits(dataset, prepared.run).validation;
    const expected = predictOutputs(prepared.run.model, weights.preprocessing!, val.x, val.count);
    const session = await ort.InferenceSession.create(bytesOf(onnx.base64));
    const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', val.x, [val.count, 4]) });
    const got = out[session.outputNames[0]].data as Float32Array;
    expect(got.length).toBe(expected.length);
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - expected[i]));
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it('exports the PyTorch folder as one zip whose entries sit in a folder of the run’s name', async () => {
    const result = await models.export(runId, { checkpoint: 'best', format: 'pytorch' });
    expect(result.fileName).toBe('Iris-export-pytorch.zip');
    const entries = unzipSync(bytesOf(result.base64));
    expect(Object.keys(entries).sort()).toEqual(
      ['README.md', 'data.npz', 'model.py', 'train.py', 'weights.safetensors'].map((f) => `Iris-export-pytorch/${f}`),
    );
    expect(new TextDecoder().decode(entries['Iris-export-pytorch/model.py'])).toContain('class Model(nn.Module)');
    expect(decodeWeightsFile(entries['Iris-export-pytorch/weights.safetensors']).layout).toBe('pytorch');
  });

  it('hands the page an ONNX export with 32 validation samples and LayerLab’s outputs for them (Verify)', async () => {
    const v = await models.verification(runId, { checkpoint: 'best' });
    expect(v.dims).toEqual([32, 4]);
    expect(v.inputs).toHaveLength(32 * 4);
    expect(v.expected).toHaveLength(32 * 3);
    const session = await ort.InferenceSession.create(bytesOf(v.base64));
    const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', Float32Array.from(v.inputs), v.dims) });
    const got = out[session.outputNames[0]].data as Float32Array;
    expect(Math.max(...Array.from(got, (g, i) => Math.abs(g - v.expected[i])))).toBeLessThanOrEqual(1e-4);
    // Probabilities per sample, as LayerLab's predict reports them.
    for (let r = 0; r < 32; r++) expect(v.expected[r * 3] + v.expected[r * 3 + 1] + v.expected[r * 3 + 2]).toBeCloseTo(1, 5);
  });

  it('exports a run trained on PCA-whitened inputs: the whitening travels (file tensors, ONNX nodes)', async () => {
    const pca: GraphDoc = { ...irisGraph(6, 2), training: { ...irisGraph(6, 2).training, datasetOptions: { scaling: 'pca' } } };
    const pcaRun = (await runs.start(pca, { name: 'pca' })).runId;
    expect(await app.waitForStatus(pcaRun, 'completed', 'failed')).toBe('completed');
    const file = decodeWeightsFile(bytesOf((await models.export(pcaRun, { checkpoint: 'final', format: 'safetensors' })).base64));
    expect(file.preprocessing?.whitening?.kind).toBe('pca');
    expect(file.tensors.find((t) => t.name === 'preprocess.matrix')?.shape).toEqual([4, 4]);
    // Verify's samples: raw rows in, LayerLab's outputs expected; the ONNX graph whitens them itself.
    const v = await models.verification(pcaRun, { checkpoint: 'final' });
    const session = await ort.InferenceSession.create(bytesOf(v.base64));
    const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', Float32Array.from(v.inputs), v.dims) });
    const got = out[session.outputNames[0]].data as Float32Array;
    expect(Math.max(...Array.from(got, (g, i) => Math.abs(g - v.expected[i])))).toBeLessThanOrEqual(1e-4);
  });

  it('names a run that does not exist', async () => {
    await expect(models.export('no-such-run', { checkpoint: 'final', format: 'onnx' })).rejects.toThrow(
      /there is no run no-such-run/,
    );
  });
});
