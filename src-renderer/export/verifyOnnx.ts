// The reverse check of an ONNX export: the exported model runs in ONNX Runtime (WebAssembly, in
// this page; the .wasm file is one of the app's own assets, never fetched from elsewhere) on
// validation samples, and its outputs are compared with LayerLab's own for the same samples.
import type { ModelVerification } from '../../src-shared/api';
import { api } from '../app/api';
import { base64Bytes } from './exportActions';

export interface VerifyResult {
  samples: number;
  maxAbsDiff: number;
  fileName: string;
}

export async function verifyOnnxExport(runId: string, checkpoint: 'best' | 'final'): Promise<VerifyResult> {
  const data: ModelVerification = await api().models.verification(runId, { checkpoint });
  // Loaded on demand: the runtime is large and only Verify needs it.
  const ort = await import('onnxruntime-web/wasm');
  // One thread: more would need a cross-origin-isolated page (SharedArrayBuffer).
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  const session = await ort.InferenceSession.create(base64Bytes(data.base64), { executionProviders: ['wasm'] });
  try {
    const input = new ort.Tensor('float32', Float32Array.from(data.inputs), data.dims);
    const result = await session.run({ [session.inputNames[0]]: input });
    const got = result[session.outputNames[0]].data as Float32Array;
    if (got.length !== data.expected.length)
      throw new Error(`the ONNX model gave ${got.length} outputs where LayerLab gives ${data.expected.length}`);
    let worst = 0;
    for (let i = 0; i < got.length; i++) {
      const diff = Math.abs(got[i] - data.expected[i]);
      // A NaN difference is a failure, never a pass.
      worst = Number.isNaN(diff) ? Infinity : Math.max(worst, diff);
    }
    return { samples: data.dims[0], maxAbsDiff: worst, fileName: data.fileName };
  } finally {
    await session.release();
  }
}
