// Native open/save dialogs for project files, and an open dialog for data files.
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from '../projects/recentProjects';

const filters = [{ name: 'LayerLab project', extensions: ['json'] }];

export function nativeDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async chooseProjectToOpen() {
      const w = window();
      const options = { title: 'Open project', filters, properties: ['openFile' as const] };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseDataFile() {
      const w = window();
      const options = {
        title: 'Choose a data file',
        // IDX files (MNIST's train-images-idx3-ubyte) have no extension: "All files" lets them through.
        filters: [
          { name: 'Data (CSV, text, IDX)', extensions: ['csv', 'tsv', 'txt', 'gz', 'idx3-ubyte', 'idx1-ubyte'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile' as const],
      };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseProjectToSave(suggestedName) {
      const w = window();
      const options = { title: 'Save project', defaultPath: suggestedName, filters };
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
