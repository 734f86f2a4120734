// models.importOnnx: an ONNX file as a graph for the canvas plus a stored run holding its weights
// (status completed, the weights as its best and final checkpoints), so "Start from weights of
// run…" can continue training from them. Unsupported operators are named with their node.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { OnnxImportError } from '../../src-engine/export/onnx/importOnnx';
import { importOnnxForTraining } from '../../src-engine/export/onnx/importForTraining';
import { UserError } from './userError';

export function importOnnxRun(
  store: Store,
  fileName: string,
  base64: string,
  dataset: string,
): { graph: GraphDoc; runId: string } {
  let imported;
  try {
    imported = importOnnxForTraining(new Uint8Array(Buffer.from(base64, 'base64')), dataset);
  } catch (e) {
    if (e instanceof OnnxImportError) throw new UserError(`${fileName}: ${e.message}`);
    throw e;
  }
  const graph = imported.graph;
  graph.name = fileName.replace(/\.onnx$/i, '');
  const runId = randomUUID();
  const at = new Date().toISOString();
  store.runs.insert({ id: runId, name: `${fileName} (imported ONNX)`, graph, backend: 'cpu', createdAt: at });
  const tensors = imported.tensors.map((t) => ({ name: t.name, shape: t.shape, data: Float32Array.from(t.data) }));
  store.checkpoints.save(runId, { kind: 'final', epoch: 0, tensors });
  store.checkpoints.save(runId, { kind: 'best', epoch: 0, tensors });
  store.runs.setStatus(runId, 'completed', { startedAt: at, finishedAt: at });
  return { graph, runId };
}
