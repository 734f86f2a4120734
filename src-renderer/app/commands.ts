// Every user command in one place: toolbar buttons, keyboard shortcuts and the Electron menu
// all call runCommand, so they behave the same.
import type { MenuCommand } from '../../src-shared/api';
import { useGraphStore } from '../document/graphStore';
import { useRunStore } from '../runs/runStore';
import { canvasArea, fitCanvas, visibleCentre, zoomCanvas } from '../canvas/canvasControls';
import { useUiStore } from '../ui/uiStore';
import { newProject, openProject, openProjectPath, saveProject } from '../project/projectActions';
import { pauseOrResume, reinitialize, startTraining, stepTraining } from '../runs/trainActions';
import { toggleTheme } from '../theme/themeActions';
import { importOnnx, importOnnxBytes } from '../project/importOnnxAction';

export type CommandName =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'new'
  | 'open'
  | 'save'
  | 'saveAs'
  | 'templates'
  | 'importDataset'
  | 'exportModel'
  | 'importOnnx'
  | 'fitView'
  | 'zoomIn'
  | 'zoomOut'
  | 'autoLayout'
  | 'toggleTheme'
  | 'train'
  | 'playPause'
  | 'stepBatch'
  | 'stepEpoch'
  | 'reinit'
  | 'reinitNewSeed';

const EDITING: ReadonlySet<CommandName> = new Set([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'duplicate',
  'delete',
  'selectAll',
  'autoLayout',
]);

export function runCommand(name: CommandName): void {
  const graph = useGraphStore.getState();
  // While a finished run is open, the canvas is read-only.
  if (EDITING.has(name) && useRunStore.getState().viewed) return;
  switch (name) {
    case 'undo':
      return graph.undo();
    case 'redo':
      return graph.redo();
    case 'copy': {
      graph.copy();
      return;
    }
    case 'cut': {
      if (graph.copy()) graph.deleteSelected();
      return;
    }
    case 'paste':
      return pasteAtView();
    case 'duplicate':
      return graph.duplicate();
    case 'delete':
      return graph.deleteSelected();
    case 'selectAll':
      return graph.selectAll();
    case 'new':
      return void newProject();
    case 'open':
      return void openProject();
    case 'save':
      return void saveProject(false);
    case 'saveAs':
      return void saveProject(true);
    case 'templates':
      return useUiStore.getState().openDialog({ kind: 'templates' });
    case 'importDataset':
      return useUiStore.getState().setBottomTab('dataset');
    case 'exportModel': {
      // The run open in the run view, if any; else the dialog offers the latest finished run.
      const runId = useRunStore.getState().viewed?.runId;
      return useUiStore.getState().openDialog({ kind: 'exportModel', ...(runId ? { runId } : {}) });
    }
    case 'importOnnx':
      return importOnnx();
    case 'fitView':
      return fitCanvas();
    case 'zoomIn':
      return zoomCanvas(1);
    case 'zoomOut':
      return zoomCanvas(-1);
    case 'autoLayout': {
      graph.autoLayout(canvasArea());
      setTimeout(fitCanvas, 30);
      return;
    }
    case 'toggleTheme':
      return toggleTheme();
    case 'train':
      return void startTraining();
  }
  // Run controls steer the editor's run; a finished run open for viewing has none.
  if (useRunStore.getState().viewed) return;
  switch (name) {
    case 'playPause':
      return void pauseOrResume();
    case 'stepBatch':
      return void stepTraining('batch');
    case 'stepEpoch':
      return void stepTraining('epoch');
    case 'reinit':
      return void reinitialize(false);
    case 'reinitNewSeed':
      return void reinitialize(true);
  }
}

/** Pastes next to the copied nodes if they are in view, else at the centre of the view. */
function pasteAtView(): void {
  const g = useGraphStore.getState();
  const clip = g.clipboard;
  if (!clip?.nodes.length) return;
  const centre = visibleCentre();
  const first = clip.nodes[0].position;
  const far = Math.abs(first.x - centre.x) > 1200 || Math.abs(first.y - centre.y) > 800;
  g.paste(far ? { x: centre.x - first.x, y: centre.y - first.y } : { x: 40, y: 40 });
}

const TEXT_EDITING = new Set(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'delete']);

export function runMenuCommand(menu: MenuCommand): void {
  if (menu.command === 'openRecent') return void openProjectPath(menu.path);
  if (menu.command === 'importOnnxFile')
    return void importOnnxBytes(
      menu.name,
      Uint8Array.from(atob(menu.base64), (c) => c.charCodeAt(0)),
    );
  // In a text field the Edit menu edits the text, as in any app; elsewhere it edits the graph.
  const active = typeof document !== 'undefined' ? document.activeElement : null;
  const typing = active !== null && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA');
  if (typing && TEXT_EDITING.has(menu.command)) {
    document.execCommand(menu.command === 'selectAll' ? 'selectAll' : menu.command);
    return;
  }
  runCommand(menu.command);
}
