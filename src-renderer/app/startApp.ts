// What happens once at start: theme, datasets, runs, live updates, menu commands, last project.
import { api } from './api';
import { runMenuCommand } from './commands';
import { restoreTheme } from '../theme/themeActions';
import { useDatasetStore } from '../datasets/datasetStore';
import { useRunStore } from '../runs/runStore';
import { subscribeToRunUpdates } from '../runs/trainActions';
import { reopenLastProject } from '../project/projectActions';
import { useGraphStore } from '../document/graphStore';
import { useUiStore } from '../ui/uiStore';
import { fitCanvas } from '../canvas/canvasControls';
import { installTestHooks } from './testHooks';
import { BOTTOM_HEIGHT_KEY } from '../panels/PanelResizer';
import { pageSocket } from '../transport';
import { startServeDeviceHost } from '../engineHost/serveDeviceHost';
import { useBackendStore } from '../engineHost/backendStore';
import { offerRecovery, startAutosave } from '../project/autosave';

let deviceHostStarted = false;

/** Serve mode: this page trains the server's WebGPU runs (once, even if the app mounts twice). */
function startDeviceHost(): void {
  const socket = pageSocket();
  if (!socket || deviceHostStarted) return;
  deviceHostStarted = true;
  startServeDeviceHost(socket).then(
    () => useBackendStore.getState().load(),
    (e: unknown) => console.warn('LayerLab could not offer this page for GPU training:', e),
  );
}

async function restorePanelHeight(): Promise<void> {
  const saved = await api()
    .settings.get(BOTTOM_HEIGHT_KEY)
    .catch(() => null);
  if (typeof saved === 'number') useUiStore.getState().setBottomHeight(saved);
}

/** Starts everything; returns the cleanup (React may mount twice in development). */
export function startApp(): () => void {
  installTestHooks();
  startDeviceHost();
  void useBackendStore.getState().load();
  void restoreTheme();
  void restorePanelHeight();
  void useDatasetStore.getState().load();
  void useRunStore.getState().refresh();
  const stopUpdates = subscribeToRunUpdates();
  const stopMenu = api().onMenuCommand(runMenuCommand);
  let stopAutosave = (): void => undefined;
  let ended = false;
  void reopenLastProject()
    .then(async (opened) => {
      // Work the last session did not save comes before the project it last saved.
      const restored = await offerRecovery();
      // Observable for tests and tools: the start-up question has been settled.
      document.documentElement.dataset.recovery = restored ? 'restored' : 'settled';
      if (opened || restored) setTimeout(fitCanvas, 50);
      else if (useGraphStore.getState().nodes.length === 0) useUiStore.getState().setBottomTab('training');
    })
    .finally(() => {
      // Only now: the reopened project would otherwise count as "no unsaved work" and drop the copy.
      if (!ended) stopAutosave = startAutosave();
    });
  // Warn before closing the window with unsaved changes.
  const beforeUnload = (e: BeforeUnloadEvent) => {
    const s = useGraphStore.getState();
    if (s.version !== s.savedVersion && s.nodes.length > 0) e.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  return () => {
    ended = true;
    stopAutosave();
    stopUpdates();
    stopMenu();
    window.removeEventListener('beforeunload', beforeUnload);
  };
}
