// `export <graph.json> [--weights W] --to pytorch --out DIR [--force]`: a PyTorch folder (model.py,
// train.py, README.md, weights.safetensors, data.npz). Without --weights, the seeded initial weights.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type FlagSpec } from '../args';
import { CliError } from '../errors';
import { setUpModel } from '../modelSetup';
import { trainingFlags } from '../runConfig';
import { exportPytorch } from '../../src-engine/export/pytorch/exportPytorch';
import { pytorchExportInput } from '../modelSetup';
import { ExportError } from '../../src-engine/export/pytorch/stateMapping';
import { exportOnnx, ONNX_OPSET } from '../../src-engine/export/onnx/exportOnnx';
import { writeBytes } from '../weightsIo';

export const EXPORT_USAGE = 'export <graph.json> [--weights W.safetensors] --to pytorch|onnx --out DIR|M.onnx [--force]';

export const exportFlags = (): FlagSpec[] => [
  ...trainingFlags(),
  {
    name: 'weights',
    kind: 'string',
    value: 'W.safetensors',
    help: 'the trained weights',
    default: "the graph's seeded initial weights",
  },
  {
    name: 'to',
    kind: 'string',
    value: 'pytorch|onnx',
    help: 'the format: a PyTorch folder (model.py, train.py, weights, data) or an ONNX file',
  },
  { name: 'out', kind: 'string', value: 'DIR|M.onnx', help: 'the folder (pytorch) or file (onnx) to write' },
  { name: 'force', kind: 'bool', help: 'write into a folder that is not empty' },
];

export async function exportCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, exportFlags());
  const path = positional[0];
  if (!path) throw new CliError(`export needs a graph file: npm run cli -- ${EXPORT_USAGE}`);
  const to = flags.to as string | undefined;
  if (to !== 'pytorch' && to !== 'onnx')
    throw new CliError(
      to === undefined ? '--to is needed: pytorch or onnx' : `cannot export to "${to}" (formats: pytorch, onnx)`,
    );
  const out = flags.out as string | undefined;
  if (!out) throw new CliError(`--out ${to === 'onnx' ? 'M.onnx' : 'DIR'} is needed`);
  if (to === 'onnx') return exportOnnxFile(path, flags, out);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0) && !flags.force) {
    throw new CliError(`${out} exists and is not an empty folder; pass --force to write into it`);
  }
  const setup = await setUpModel(path, flags, flags.weights as string | undefined);
  let files: Map<string, Uint8Array>;
  try {
    files = exportPytorch(pytorchExportInput(setup, setup.graph.name ?? path));
  } catch (e) {
    if (e instanceof ExportError) throw new CliError(e.message);
    throw e;
  }
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
  process.stdout.write(`wrote ${[...files.keys()].join(', ')} to ${out}\n`);
  return 0;
}

async function exportOnnxFile(path: string, flags: Record<string, string | number | boolean>, out: string): Promise<number> {
  if (existsSync(out) && !flags.force) throw new CliError(`${out} exists; pass --force to overwrite it`);
  const setup = await setUpModel(path, flags, flags.weights as string | undefined);
  let bytes: Uint8Array;
  try {
    bytes = exportOnnx(setup.run.model, setup.run.validated.loss, setup.preprocessing, setup.graph.name ?? path);
  } catch (e) {
    if (e instanceof ExportError) throw new CliError(e.message);
    throw e;
  }
  writeBytes(out, bytes);
  process.stdout.write(`wrote ${out} (ONNX opset ${ONNX_OPSET}, ${bytes.length} bytes)\n`);
  return 0;
}
