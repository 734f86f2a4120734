// The desktop app's Export: a native save dialog for one file (weights, ONNX), a folder picker for
// a PyTorch folder (written as `<chosen>/<name>-pytorch/`, never over a folder that is not empty).
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { writeExport } from '../services/exportFiles';
import type { SaveExport } from '../services/modelsService';

export function nativeSaveExport(window: () => BrowserWindow | null): SaveExport {
  return async (exported) => {
    const w = window();
    if (exported.kind === 'file') {
      const ext = exported.name.slice(exported.name.lastIndexOf('.') + 1);
      const options: SaveDialogOptions = {
        title: 'Export model',
        defaultPath: exported.name,
        filters: [{ name: ext === 'onnx' ? 'ONNX model' : 'safetensors weights', extensions: [ext] }],
      };
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return writeExport(exported, result.filePath);
    }
    const options: OpenDialogOptions = {
      title: `Choose where to create the folder ${exported.name}`,
      properties: ['openDirectory', 'createDirectory'],
    };
    const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    const parent = result.canceled ? undefined : result.filePaths[0];
    return parent ? writeExport(exported, parent) : null;
  };
}
