// The desktop app's main process: hardening, the SQLite store in the user-data folder, engine
// utility processes, the window, the menu and the IPC API.
import { app, BrowserWindow, Menu } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppServices, type AppServices } from '../services/appServices';
import { recentProjects } from '../projects/recentProjects';
import { createSenderCheck } from '../ipc/ipcRequests';
import { EVENT_CHANNELS } from '../../src-shared/apiSchemas';
import type { MenuCommand } from '../../src-shared/api';
import { APP_URL, registerAppScheme, serveAppProtocol } from './appProtocol';
import { hardenApp, hardenSession } from './security';
import { registerIpc } from './ipc';
import { buildAppMenu } from './menu';
import { nativeDialogs } from './dialogs';
import { createMainWindow } from './window';
import { utilityProcessSpawner } from './utilityEngine';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devUrl ?? APP_URL;

const rendererFiles = pathToFileURL(rendererDir).href + '/';
const isAppUrl = (url: string): boolean => {
  if (url.startsWith('app://layerlab/') || url.startsWith(rendererFiles)) return true;
  if (!devUrl) return false;
  const dev = new URL(devUrl);
  // The dev server and its hot-reload socket.
  return url.startsWith(dev.origin) || url.startsWith(`ws://${dev.host}`);
};

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenApp(isAppUrl);
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start, (e: unknown) => {
    console.error('LayerLab could not start:', e);
    app.quit();
  });
}

function start(): void {
  hardenSession(isAppUrl);
  serveAppProtocol(rendererDir);
  const send = (command: MenuCommand) => mainWindow?.webContents.send(EVENT_CHANNELS.menuCommand, command);
  const setMenu = (recent: string[]) => Menu.setApplicationMenu(buildAppMenu({ send, window: () => mainWindow, recent, isDev: !!devUrl }));
  let recentOf: () => string[] = () => [];
  services = createAppServices({
    dbPath: join(app.getPath('userData'), 'layerlab.sqlite'),
    spawnEngine: utilityProcessSpawner(),
    projects: (store) => {
      const projects = recentProjects(store.settings, nativeDialogs(() => mainWindow), setMenu);
      recentOf = projects.recent;
      return projects;
    },
    onInternalError: (e) => console.error('internal error:', e),
  });
  services.onRunUpdates((batch) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNELS.runUpdates, batch);
  });
  registerIpc(services.dispatch, createSenderCheck(appUrl), (w) => w === mainWindow);
  setMenu(recentOf());
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

function openWindow(): void {
  mainWindow = createMainWindow(preloadPath, appUrl);
  mainWindow.on('closed', () => (mainWindow = null));
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('before-quit', () => {
  services?.close('LayerLab was closed during this run; the epochs recorded before are kept');
  services = null;
});
