// "Import ONNX…": an .onnx file picked in the page (both the desktop app and serve mode) goes to
// models.importOnnx as base64; its graph opens as a new unsaved project and the run holding its
// weights is preselected in "Start from weights of run…", so Train continues from them.
import { api, errorText } from '../app/api';
import { toBase64 } from '../datasets/uploadFile';
import { useGraphStore } from '../document/graphStore';
import { useStartWeights } from '../export/startWeightsStore';
import { useRunStore } from '../runs/runStore';
import { useUiStore } from '../ui/uiStore';
import { canvasArea, fitCanvas } from '../canvas/canvasControls';
import { openAsNewProject } from './projectActions';

/** Imports ONNX bytes (a picked or opened file) onto the canvas; false when refused or cancelled. */
export async function importOnnxBytes(fileName: string, bytes: Uint8Array): Promise<boolean> {
  const ui = useUiStore.getState();
  // The imported graph trains on the dataset picked now (ONNX files do not name one).
  const dataset = useGraphStore.getState().training.dataset || 'iris';
  try {
    const { graph, runId } = await api().models.importOnnx(fileName, toBase64(bytes), { dataset });
    if (!(await openAsNewProject(graph, 'Importing an ONNX model'))) return false;
    // ONNX files carry no layout: arrange the layers to fit the canvas.
    useGraphStore.getState().autoLayout(canvasArea());
    setTimeout(fitCanvas, 30);
    useStartWeights.getState().choose({ runId, checkpoint: 'final' });
    void useRunStore.getState().refresh();
    ui.toast(`Imported ${fileName}: Train continues from its weights.`);
    return true;
  } catch (e) {
    ui.toast(`Could not import ${fileName}: ${errorText(e)}`, 'error');
    return false;
  }
}

/** Opens the file picker for an .onnx file. */
export function importOnnx(): void {
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = '.onnx';
  picker.dataset.testid = 'import-onnx-file';
  picker.style.display = 'none';
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    picker.remove();
    if (file) void file.arrayBuffer().then((b) => importOnnxBytes(file.name, new Uint8Array(b)));
  });
  document.body.append(picker);
  picker.click();
}
