// In-process helpers for the export tests: a graph trained for a few epochs, its export folder,
// LayerLab's own predictions, and Debian's Python (with torch) run on them.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pytorchExportInput, setUpModel, type ModelSetup } from '../../src-cli/modelSetup';
import { outputsCsv } from '../../src-cli/predictInput';
import { train } from '../../src-engine/train/trainer';
import { predictOutputs } from '../../src-engine/export/predict';
import { channelsFirst, exportPytorch } from '../../src-engine/export/pytorch/exportPytorch';
import { exportOnnx } from '../../src-engine/export/onnx/exportOnnx';
import { torchInputShape } from '../../src-engine/export/pytorch/modelPy';
import type { EngineEvent } from '../../src-shared/engineEvents';

/** Debian's Python, which has torch and onnx (the first python3 on PATH may not). */
export const PYTHON = '/usr/bin/python3';

export async function trainGraph(graphPath: string, epochs?: number): Promise<{ setup: ModelSetup; epochs: EngineEvent[] }> {
  const setup = await setUpModel(graphPath, epochs === undefined ? {} : { epochs });
  const events: EngineEvent[] = [];
  await train(setup.run.setup, (e) => events.push(e));
  return { setup, epochs: events.filter((e) => e.event === 'epoch') };
}

/** Writes the PyTorch folder (with model.onnx beside it) and LayerLab's validation predictions (CSV) under dir. */
export function exportAndPredict(
  setup: ModelSetup,
  dir: string,
): { folder: string; predictions: string; outputs: Float32Array; onnx: Uint8Array; x: Float32Array; dims: number[] } {
  const folder = join(dir, 'pytorch');
  mkdirSync(folder, { recursive: true });
  const files = exportPytorch(pytorchExportInput(setup, setup.graph.name ?? 'graph'));
  for (const [name, bytes] of files) writeFileSync(join(folder, name), bytes);
  const val = setup.raw.validation;
  const outputs = predictOutputs(setup.run.model, setup.preprocessing, val.x, val.count);
  const predictions = join(dir, 'predictions.csv');
  writeFileSync(predictions, outputsCsv(setup.preprocessing.outputNames, outputs, val.count));
  const onnx = exportOnnx(setup.run.model, setup.run.validated.loss, setup.preprocessing, setup.graph.name ?? 'graph');
  writeFileSync(join(folder, 'model.onnx'), onnx);
  const shape = setup.preprocessing.inputShape;
  return { folder, predictions, outputs, onnx, x: channelsFirst(val.x, shape), dims: [val.count, ...torchInputShape(shape)] };
}

export function runPython(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      PYTHON,
      args,
      { cwd: options.cwd, env: { ...process.env, OMP_NUM_THREADS: '1', ...options.env }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\[default\d+\]:/, '').trim())
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as T);
}
