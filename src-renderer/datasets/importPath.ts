// Using a data file by its path on this computer (the desktop app): typed, picked in the native
// dialog or dropped on the Dataset panel, it is imported the same way.
import { DROPPED_FILES_GLOBAL, type DroppedFiles } from '../../src-shared/droppedFiles';
import { chooseDataset } from './chooseDataset';
import { useDatasetStore } from './datasetStore';

export interface CsvSettings {
  target: string;
  dropMissing: boolean;
}

/** Text tables take a column to predict and a rule for gaps; IDX images take neither. */
export function isTable(path: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(path.trim());
}

/** The dataset options a path is imported with. */
export function importOptions(path: string, csv: CsvSettings): { target?: string; missing?: 'drop' } {
  if (!isTable(path)) return {};
  return {
    ...(csv.target.trim() ? { target: csv.target.trim() } : {}),
    ...(csv.dropMissing ? { missing: 'drop' as const } : {}),
  };
}

export function importPath(path: string, csv: CsvSettings): void {
  const p = path.trim();
  if (!p) return;
  chooseDataset(p, importOptions(p, csv));
  void useDatasetStore.getState().loadPreview(p, true);
}

/** The native path of a file dropped in the desktop app; null in the browser or for a file without one. */
export function droppedFilePath(file: File, host: object = window): string | null {
  const files = (host as Record<string, DroppedFiles<File> | undefined>)[DROPPED_FILES_GLOBAL];
  return files ? files.pathForFile(file) : null;
}
