// Reading and writing weights files for the CLI, with errors that name the file and the tensor.
import { readFileSync, writeFileSync } from 'node:fs';
import { CliError } from './errors';
import { decodeWeightsFile, loadModelTensors, WeightsError, type WeightsFile } from '../src-engine/export/weightsFile';
import { SafetensorsError } from '../src-engine/export/safetensors';
import { fromPytorchTensors } from '../src-engine/export/pytorch/stateMapping';
import type { Model } from '../src-engine/graph/model';

export function readWeightsFile(path: string): WeightsFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`,
    );
  }
  try {
    return decodeWeightsFile(bytes);
  } catch (e) {
    if (e instanceof SafetensorsError) throw new CliError(`${path} is not a valid safetensors file: ${e.message}`);
    throw e;
  }
}

/** Loads the file's tensors into the model (converting PyTorch names and layouts back). */
export function loadWeightsInto(model: Model, file: WeightsFile, path: string): void {
  try {
    const tensors = file.layout === 'pytorch' ? fromPytorchTensors(model, file.tensors) : file.tensors;
    loadModelTensors(model, tensors);
  } catch (e) {
    if (e instanceof WeightsError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
}

export function writeBytes(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
