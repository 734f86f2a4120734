// The application menu. Commands go to the renderer (which owns the graph, its undo history and
// the selection); edit commands also run natively so that text fields keep working.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../src-shared/api';

export interface MenuContext {
  send(command: MenuCommand): void;
  window(): BrowserWindow | null;
  recent: string[];
  isDev: boolean;
  /** Help menu actions, run in the main process. */
  about(): void;
  revealDataFolder(): void;
  resetAppData(): void;
}

type EditVerb = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll';

export function buildAppMenu(ctx: MenuContext): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(ctx));
}

/** The menu as data, so tests can read and click it without Electron. */
export function appMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  const command = (c: MenuCommand) => () => ctx.send(c);
  // The renderer ignores these while a text field has focus; the native action serves that case.
  const edit = (verb: EditVerb, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => {
      const contents = ctx.window()?.webContents;
      contents?.[verb]();
      ctx.send({ command: verb });
    },
  });
  const recent: MenuItemConstructorOptions[] = ctx.recent.length
    ? ctx.recent.map((path) => ({ label: basename(path), sublabel: path, click: command({ command: 'openRecent', path }) }))
    : [{ label: 'No recent projects', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New', accelerator: 'CmdOrCtrl+N', click: command({ command: 'new' }) },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: command({ command: 'open' }) },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: command({ command: 'save' }) },
        { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', click: command({ command: 'saveAs' }) },
        { type: 'separator' },
        { label: 'Import dataset…', click: command({ command: 'importDataset' }) },
        { label: 'Import ONNX…', click: command({ command: 'importOnnx' }) },
        { label: 'Export…', accelerator: 'Shift+CmdOrCtrl+E', click: command({ command: 'exportModel' }) },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        edit('undo', 'Undo', 'CmdOrCtrl+Z'),
        edit('redo', 'Redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        edit('cut', 'Cut', 'CmdOrCtrl+X'),
        edit('copy', 'Copy', 'CmdOrCtrl+C'),
        edit('paste', 'Paste', 'CmdOrCtrl+V'),
        edit('delete', 'Delete'),
        { type: 'separator' },
        edit('selectAll', 'Select All', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: 'View',
      submenu: [
        // Zoom keys zoom the canvas (the renderer's own shortcuts), not the whole page: a menu
        // accelerator would take the keys before the page sees them.
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: command({ command: 'zoomIn' }) },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: command({ command: 'zoomOut' }) },
        { label: 'Fit Graph to Window', accelerator: 'CmdOrCtrl+0', click: command({ command: 'fitView' }) },
        { label: 'Arrange Layers Automatically', accelerator: 'CmdOrCtrl+L', click: command({ command: 'autoLayout' }) },
        { label: 'Toggle Dark Theme', click: command({ command: 'toggleTheme' }) },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(ctx.isDev ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Reveal Data Folder', click: () => ctx.revealDataFolder() },
        { label: 'Reset App Data…', click: () => ctx.resetAppData() },
        { type: 'separator' },
        { label: 'About LayerLab', click: () => ctx.about() },
      ],
    },
  ];
  return template;
}
