// Files the operating system hands the app: on the command line (Linux and Windows, also when a
// second copy starts) and through macOS's 'open-file' event.
import { resolve } from 'node:path';

export type OpenableFile = { kind: 'project'; path: string } | { kind: 'onnx'; path: string };

const KINDS: Array<[RegExp, OpenableFile['kind']]> = [
  [/\.layerlab\.json$/i, 'project'],
  [/\.onnx$/i, 'onnx'],
];

export function openableFile(path: string, cwd: string): OpenableFile | null {
  for (const [pattern, kind] of KINDS) if (pattern.test(path)) return { kind, path: resolve(cwd, path) };
  return null;
}

/** The last file argument the app can open; flags (and Chromium's own switches) are skipped. */
export function fileFromArgv(argv: readonly string[], cwd: string): OpenableFile | null {
  let found: OpenableFile | null = null;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    found = openableFile(arg, cwd) ?? found;
  }
  return found;
}
