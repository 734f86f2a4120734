// `import-onnx M.onnx --dataset ID --out G.json --weights W.safetensors`: an ONNX model as a
// LayerLab graph with its weights. Unsupported operators are listed by op type and node (exit 2).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type FlagSpec } from '../args';
import { CliError } from '../errors';
import { setUpModel } from '../modelSetup';
import { writeBytes } from '../weightsIo';
import { OnnxImportError } from '../../src-engine/export/onnx/importOnnx';
import { importOnnxForTraining } from '../../src-engine/export/onnx/importForTraining';
import { encodeWeightsFile, loadModelTensors, modelTensors, WeightsError } from '../../src-engine/export/weightsFile';

export const IMPORT_ONNX_USAGE = 'import-onnx <M.onnx> --dataset ID --out G.json --weights W.safetensors [--loss NAME]';

export const importOnnxFlags = (): FlagSpec[] => [
  { name: 'dataset', kind: 'string', value: 'ID', help: 'the dataset the graph trains on' },
  { name: 'out', kind: 'string', value: 'G.json', help: 'where to write the graph' },
  { name: 'weights', kind: 'string', value: 'W.safetensors', help: 'where to write the weights' },
  {
    name: 'loss',
    kind: 'string',
    help: 'loss of the training section',
    default: 'cross_entropy for a classifier (a final softmax), else mse',
  },
];

export async function importOnnxCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, importOnnxFlags());
  const path = positional[0];
  if (!path) throw new CliError(`import-onnx needs a model: npm run cli -- ${IMPORT_ONNX_USAGE}`);
  const { dataset, out, weights } = flags as Record<string, string | undefined>;
  if (!dataset || !out || !weights)
    throw new CliError('import-onnx needs --dataset ID, --out G.json and --weights W.safetensors');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as Error).message}`);
  }
  let imported;
  try {
    imported = importOnnxForTraining(bytes, dataset);
  } catch (e) {
    if (e instanceof OnnxImportError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
  if (flags.loss) imported.graph.training.loss = flags.loss as string;
  writeFileSync(out, JSON.stringify(imported.graph, null, 2) + '\n');
  const setup = await setUpModel(out, {});
  try {
    loadModelTensors(setup.run.model, imported.tensors);
  } catch (e) {
    if (e instanceof WeightsError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
  // The scaling the ONNX model applies is what its weights expect.
  const preprocessing = imported.scaling
    ? { ...setup.preprocessing, scaling: { kind: 'standard' as const, ...imported.scaling } }
    : setup.preprocessing;
  writeBytes(weights, encodeWeightsFile(modelTensors(setup.run.model), { graph: setup.graph, preprocessing }));
  process.stdout.write(`wrote ${out} (${imported.graph.nodes.length} nodes) and ${weights}\n`);
  return 0;
}
