// Writes an export where the user chose: one file at its path, or a folder's files into
// `<parent>/<name>/`, refusing a folder that exists and is not empty (as the CLI does without --force).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedFiles } from './modelsService';
import { UserError } from './userError';

/** Returns the path written: the file, or the folder. */
export function writeExport(exported: ExportedFiles, target: string): string {
  if (exported.kind === 'file') {
    writeFileSync(target, exported.files[0].data);
    return target;
  }
  const folder = join(target, exported.name);
  if (existsSync(folder) && readdirSync(folder).length > 0)
    throw new UserError(`${folder} exists and is not empty; choose another place or empty it first`);
  mkdirSync(folder, { recursive: true });
  for (const f of exported.files) writeFileSync(join(folder, f.name), f.data);
  return folder;
}
