// An .onnx file the OS handed the app becomes the renderer's "import these bytes" command (the
// renderer imports it as Import ONNX… does, asking first if the open project has changes).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { MenuCommand } from '../../src-shared/api';

export function onnxFileCommand(path: string, read: (p: string) => Uint8Array = readFileSync): MenuCommand {
  return { command: 'importOnnxFile', name: basename(path), base64: Buffer.from(read(path)).toString('base64') };
}
