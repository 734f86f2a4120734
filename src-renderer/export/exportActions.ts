// Exporting a run's model: the back end writes the files; here a browser download (serve mode) or
// the path the desktop app saved to, told in a toast.
import type { ModelExportOptions, ModelExportResult } from '../../src-shared/api';
import { api } from '../app/api';
import { downloadUrl } from '../compare/download';

export const EXPORT_FORMATS: ReadonlyArray<{ format: ModelExportOptions['format']; label: string; detail: string }> = [
  {
    format: 'safetensors',
    label: 'Weights (.safetensors)',
    detail: 'The trained tensors with the graph and its scaling, for train --load, predict and Hugging Face tools.',
  },
  { format: 'onnx', label: 'ONNX model (.onnx)', detail: 'The inference graph with its weights (opset 13), for ONNX Runtime.' },
  {
    format: 'pytorch',
    label: 'PyTorch folder',
    detail: 'model.py, train.py (torchrun-ready), weights and data: a folder, as a .zip in the browser.',
  },
];

/** Bytes from the API's base64. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands bytes to the browser as a download with the given file name. */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  downloadUrl(url, fileName);
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs the export and delivers it; returns a sentence for the user, or null when they cancelled the save dialog. */
export async function exportRun(runId: string, options: ModelExportOptions): Promise<string | null> {
  const result: ModelExportResult = await api().models.export(runId, options);
  if (result.base64 !== undefined) {
    downloadBytes(base64Bytes(result.base64), result.fileName);
    return `Downloaded ${result.fileName} (${sizeText(result.bytes)}).`;
  }
  return result.savedTo ? `Saved ${result.savedTo} (${sizeText(result.bytes)}).` : null;
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
