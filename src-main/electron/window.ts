// The main window, with Electron's secure defaults spelled out, opened where it was last closed.
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './security';
import { MIN_WINDOW_SIZE, trackWindowState, type WindowBounds } from './windowState';

export function createMainWindow(
  preloadPath: string,
  url: string,
  bounds: WindowBounds,
  saveBounds: (b: WindowBounds) => void,
): BrowserWindow {
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'LayerLab',
    webPreferences: secureWebPreferences(preloadPath),
  });
  trackWindowState(window, saveBounds);
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(url);
  return window;
}
