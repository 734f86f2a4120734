// Reading and writing `*.layerlab.json` project files (a graph with its training config).
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { UserError } from '../services/userError';

export const PROJECT_SUFFIX = '.layerlab.json';
const MAX_PROJECT_BYTES = 50 * 1024 * 1024;

export function withProjectSuffix(path: string): string {
  if (path.endsWith(PROJECT_SUFFIX)) return path;
  return path.replace(/\.json$/i, '') + PROJECT_SUFFIX;
}

export function projectName(path: string): string {
  return basename(path).slice(0, -PROJECT_SUFFIX.length) || basename(path);
}

/** Writes through a temporary file, so a crash never leaves half a project. */
export function writeProject(path: string, doc: GraphDoc): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(doc, null, 2) + '\n', 'utf8');
    renameSync(temp, path);
  } catch (e) {
    throw new UserError(`cannot save ${path}: ${reason(e)}`);
  }
}

/** The parsed JSON of a project file; the caller validates it as a graph. */
export function readProject(path: string): unknown {
  let text: string;
  try {
    if (statSync(path).size > MAX_PROJECT_BYTES)
      throw new UserError(`${path} is larger than 50 MB; it is not a LayerLab project`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot open ${path}: ${reason(e)}`);
  }
  try {
    // A UTF-8 byte-order mark is not part of the JSON (some editors write one).
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new UserError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

export function modifiedAt(path: string): string | null {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return null;
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOSPC') return 'the disk is full';
  return (e as Error).message;
}
