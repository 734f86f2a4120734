// Folders serve mode writes to, checked before anything starts, so a wrong --db or --projects
// fails at once with one clear line instead of on the first request (or by hanging: Node's
// recursive mkdir never returns under some special file systems, e.g. /proc).
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

/** Makes `dir` (one level at a time) and proves it writable; returns a sentence on failure. */
export function prepareWritableFolder(dir: string): string | null {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    let isDir: boolean | null;
    try {
      isDir = statSync(at).isDirectory();
    } catch {
      isDir = null;
    }
    if (isDir === false) return `${at} is a file, not a folder`;
    if (isDir) break;
    missing.unshift(at);
    if (at === parse(at).root) return `${at} does not exist`;
    at = dirname(at);
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (e) {
      return `cannot create the folder ${folder} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    }
  }
  const probe = join(dir, `.layerlab-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    return `cannot write in ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  return null;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
