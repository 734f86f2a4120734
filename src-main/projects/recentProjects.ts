// Electron's projects: native dialogs pick the files; the renderer may then name only files
// that were picked or saved before (the recent list), so a compromised page cannot read or
// write arbitrary paths.
import { resolve } from 'node:path';
import type { LayerLabApi, ProjectFileInfo } from '../../src-shared/api';
import type { SettingsRepo } from '../store/settingsRepo';
import { UserError } from '../services/userError';
import { modifiedAt, projectName, readProject, withProjectSuffix, writeProject } from './projectFile';

export interface FileDialogs {
  /** Absolute path of the chosen project, or null when cancelled. */
  chooseProjectToOpen(): Promise<string | null>;
  chooseProjectToSave(suggestedName: string): Promise<string | null>;
  /** Absolute path of a data file (CSV, text corpus, IDX), or null when cancelled. */
  chooseDataFile?(): Promise<string | null>;
}

/** The projects service of the desktop app, plus what only the main process may do with it. */
export type RecentProjects = LayerLabApi['projects'] & {
  recent(): string[];
  /** Trusts a project file the OS handed the app (a double-click, a second launch): it joins the recent list. */
  admit(path: string): string;
};

const RECENT_KEY = 'projects.recent';
const MAX_RECENT = 10;

export function recentProjects(
  settings: SettingsRepo,
  dialogs: FileDialogs,
  onRecentChanged: (paths: string[]) => void = () => undefined,
): RecentProjects {
  const recent = (): string[] => {
    const value = settings.get(RECENT_KEY);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  };
  const remember = (path: string): void => {
    const list = [path, ...recent().filter((p) => p !== path)].slice(0, MAX_RECENT);
    settings.set(RECENT_KEY, list);
    onRecentChanged(list);
  };
  const known = (path: string): string => {
    const absolute = resolve(path);
    if (!recent().includes(absolute)) throw new UserError(`${path} is not a recent project; use File › Open… to choose it`);
    return absolute;
  };
  return {
    recent,
    admit(path) {
      const absolute = resolve(path);
      remember(absolute);
      return absolute;
    },
    async hasNativeDialogs() {
      return true;
    },
    async chooseDataFile() {
      // The desktop app reads data where it lies (no folder rule, unlike serve mode).
      return (await dialogs.chooseDataFile?.()) ?? null;
    },
    async list() {
      const files: ProjectFileInfo[] = [];
      for (const path of recent()) {
        const at = modifiedAt(path);
        if (at) files.push({ path, name: projectName(path), modifiedAt: at });
      }
      return files;
    },
    async save(doc, path) {
      // A known path is saved as is; a newly chosen one gets the project suffix.
      const chosen = path ? null : await dialogs.chooseProjectToSave(withProjectSuffix(doc.name?.trim() || 'untitled'));
      if (!path && !chosen) return null;
      const file = path ? known(path) : withProjectSuffix(resolve(chosen!));
      writeProject(file, doc);
      remember(file);
      return { path: file };
    },
    async open(path) {
      const file = path ? known(path) : await dialogs.chooseProjectToOpen();
      if (!file) return null;
      const doc = readProject(file);
      remember(resolve(file));
      return { path: resolve(file), doc };
    },
  };
}
