// The desktop app's main process: hardening, the SQLite store in the user-data folder, engine
// utility processes, the hidden GPU engine window, the window, the menu and the IPC API.
import { app, BrowserWindow, Menu, screen } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppServices, type AppServices } from '../services/appServices';
import { recentProjects, type RecentProjects } from '../projects/recentProjects';
import { LAST_PROJECT_KEY } from '../../src-shared/settingsKeys';
import { createSenderCheck } from '../ipc/ipcRequests';
import { EVENT_CHANNELS } from '../../src-shared/contract';
import type { MenuCommand } from '../../src-shared/api';
import { APP_URL, registerAppScheme, serveAppProtocol } from './appProtocol';
import { hardenApp, hardenSession } from './security';
import { registerIpc } from './ipc';
import { buildAppMenu } from './menu';
import { nativeDialogs } from './dialogs';
import { nativeSaveExport } from './exportDialogs';
import { createMainWindow } from './window';
import { utilityProcessSpawner } from './utilityEngine';
import { openGpuWindow, type GpuWindow } from './gpuWindow';
import { bundledDatasetLoader } from './datasetThread';
import { shutDownApp } from './appShutdown';
import { claimSingleInstance } from './singleInstance';
import { fileFromArgv, type OpenableFile } from './fileArguments';
import { onnxFileCommand } from './onnxFileCommand';
import { syncRecentDocuments } from './osRecentDocuments';
import { restoreBounds, WINDOW_STATE_KEY } from './windowState';
import { helpActions } from './helpActions';
import { DeviceHosts } from '../engine/deviceHosts';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const engineHostPreloadPath = join(here, '../preload/engineHost.cjs');
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devUrl ?? APP_URL;
const engineHostUrl = new URL('engine-host.html', devUrl ? `${devUrl.replace(/\/?$/, '/')}` : APP_URL).href;

const rendererFiles = pathToFileURL(rendererDir).href + '/';
const isAppUrl = (url: string): boolean => {
  if (url.startsWith('app://layerlab/') || url.startsWith(rendererFiles)) return true;
  if (!devUrl) return false;
  const dev = new URL(devUrl);
  // The dev server and its hot-reload socket.
  return url.startsWith(dev.origin) || url.startsWith(`ws://${dev.host}`);
};

let mainWindow: BrowserWindow | null = null;
let gpuWindow: GpuWindow | null = null;
let services: AppServices | null = null;
let projects: RecentProjects | null = null;
const dbPath = () => join(app.getPath('userData'), 'layerlab.sqlite');
// A file the OS handed over before the window could take it (the launch's argv, macOS 'open-file').
let pendingFile: OpenableFile | null = fileFromArgv(process.argv, process.cwd());

// A data folder of its own (the Electron smoke test, a portable install): set before anything reads it.
if (process.env.LAYERLAB_USER_DATA) app.setPath('userData', process.env.LAYERLAB_USER_DATA);

// WebGPU is on by default on Windows and macOS; Linux needs the flags (Vulkan for a real GPU).
if (process.platform === 'linux') {
  app.commandLine.appendSwitch('enable-unsafe-webgpu');
  app.commandLine.appendSwitch('enable-features', 'Vulkan');
}

const claimed = claimSingleInstance(app, {
  focus() {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  },
  open(file) {
    pendingFile = file;
    if (mainWindow && projects) openPendingFile();
  },
});
if (claimed) {
  registerAppScheme();
  hardenApp(isAppUrl);
  app.whenReady().then(start, (e: unknown) => {
    console.error('LayerLab could not start:', e);
    app.quit();
  });
}

function start(): void {
  hardenSession(isAppUrl);
  serveAppProtocol(rendererDir);
  const help = helpActions({ window: () => mainWindow, dbPath: dbPath(), closeServices: shutDownServices });
  const setMenu = (recent: string[]) => {
    Menu.setApplicationMenu(buildAppMenu({ send, window: () => mainWindow, recent, isDev: !!devUrl, ...help }));
    syncRecentDocuments(app, process.platform, recent, process.execPath);
  };
  services = createAppServices({
    dbPath: dbPath(),
    spawnEngine: utilityProcessSpawner(),
    // GPU runs' datasets load in a worker thread, off this process's main thread.
    devices: new DeviceHosts(bundledDatasetLoader()),
    projects: (store) =>
      (projects = recentProjects(
        store.settings,
        nativeDialogs(() => mainWindow),
        setMenu,
      )),
    saveExport: nativeSaveExport(() => mainWindow),
    onInternalError: (e) => console.error('internal error:', e),
  });
  services.onRunUpdates((batch) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNELS.runUpdates, batch);
  });
  registerIpc(services.dispatch, createSenderCheck(appUrl), (w) => w === mainWindow);
  setMenu(projects?.recent() ?? []);
  // A file given at launch opens as the project the renderer reopens at start.
  if (pendingFile?.kind === 'project' && projects) {
    services.store.settings.set(LAST_PROJECT_KEY, projects.admit(pendingFile.path));
    pendingFile = null;
  }
  openWindow();
  // An .onnx given at launch is imported once the page can take it.
  if (pendingFile?.kind === 'onnx') mainWindow?.webContents.once('did-finish-load', openPendingFile);
  app.on('activate', () => {
    // The hidden engine window counts among all windows: look for the app's own.
    if (!mainWindow) openWindow();
  });
}

/** A file handed over while the window is open: a project opens as if picked from Open Recent. */
function openPendingFile(): void {
  const file = pendingFile;
  pendingFile = null;
  if (file?.kind === 'project' && projects) send({ command: 'openRecent', path: projects.admit(file.path) });
  if (file?.kind === 'onnx') {
    try {
      send(onnxFileCommand(file.path));
    } catch (e) {
      console.error(`could not read ${file.path}:`, e);
    }
  }
}

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(EVENT_CHANNELS.menuCommand, command);
}

function openWindow(): void {
  const bounds = restoreBounds(
    services?.store.settings.get(WINDOW_STATE_KEY),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  // After Reset App Data the services (and their database) are gone: nothing to save into.
  mainWindow = createMainWindow(preloadPath, appUrl, bounds, (b) => services?.store.settings.set(WINDOW_STATE_KEY, b));
  if (services && !gpuWindow)
    gpuWindow = openGpuWindow({ preloadPath: engineHostPreloadPath, url: engineHostUrl, devices: services.devices });
  mainWindow.on('closed', () => {
    mainWindow = null;
    // Without the app's window, the hidden one would keep the app from quitting. The app quits
    // next: its runs end interrupted before the engine window goes (appShutdown.ts).
    if (process.platform !== 'darwin') shutDownServices();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('before-quit', shutDownServices);

function shutDownServices(): void {
  shutDownApp({ services, gpuWindow });
  services = null;
  gpuWindow = null;
}
