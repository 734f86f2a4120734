// Serve mode's projects: files in one folder on the server, addressed by name only, so a
// browser client can never read or write outside that folder.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerLabApi, ProjectFileInfo } from '../../src-shared/api';
import { UserError } from '../services/userError';
import { modifiedAt, PROJECT_SUFFIX, projectName, readProject, withProjectSuffix, writeProject } from './projectFile';

export function folderProjects(folder: string): LayerLabApi['projects'] {
  const resolve = (name: string | undefined): string => {
    if (!name) throw new UserError('give the project a file name (serve mode has no file dialogs)');
    const file = withProjectSuffix(name.trim());
    if (!/^[^/\\:*?"<>|]+$/.test(file) || file.startsWith('.')) {
      throw new UserError(`"${name}" is not a project name: use a plain file name without folders`);
    }
    return file;
  };
  return {
    async hasNativeDialogs() {
      return false;
    },
    async chooseDataFile() {
      return null;
    },
    async list() {
      mkdirSync(folder, { recursive: true });
      const files: ProjectFileInfo[] = [];
      for (const file of readdirSync(folder)) {
        if (!file.endsWith(PROJECT_SUFFIX)) continue;
        const at = modifiedAt(join(folder, file));
        if (at) files.push({ path: file, name: projectName(file), modifiedAt: at });
      }
      return files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
    },
    async save(doc, name) {
      const file = resolve(name);
      mkdirSync(folder, { recursive: true });
      writeProject(join(folder, file), doc);
      return { path: file };
    },
    async open(name) {
      const file = resolve(name);
      return { path: file, doc: readProject(join(folder, file)) };
    },
  };
}
