// The hidden engine window: a sandboxed page that runs the WebGPU engine workers for the main
// process (Node has no WebGPU). It attaches to the device-host registry over IPC; when it closes
// or its renderer dies, its runs end failed with the reason.
import { BrowserWindow, ipcMain, type IpcMainEvent } from 'electron';
import type { DeviceHosts } from '../engine/deviceHosts';
import { createDeviceHostRelay } from '../engine/deviceHostRelay';
import { ENGINE_HOST_CHANNELS } from './engineHostChannels';
import { secureWebPreferences } from './security';

export const GPU_WINDOW_CLOSED = 'the window that trained this run on the GPU was closed';

export interface GpuWindow {
  readonly window: BrowserWindow;
  close(): void;
}

/** The engine window's options: Electron's secure defaults, and no throttling while hidden. */
export function gpuWindowOptions(preloadPath: string): Electron.BrowserWindowConstructorOptions {
  return {
    show: false,
    title: 'LayerLab GPU engine',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export function openGpuWindow(o: { preloadPath: string; url: string; devices: DeviceHosts }): GpuWindow {
  const window = new BrowserWindow(gpuWindowOptions(o.preloadPath));
  const contents = window.webContents;
  const relay = createDeviceHostRelay(o.devices, 'engine window', (frame) => {
    if (!contents.isDestroyed()) contents.send(ENGINE_HOST_CHANNELS.toHost, frame);
  });
  const onFrame = (event: IpcMainEvent, frame: unknown) => {
    // Only the engine window's own top frame may speak for it.
    if (event.sender !== contents || event.senderFrame !== contents.mainFrame) return;
    const refused = relay.receive(frame);
    if (refused) console.warn(`LayerLab engine window: ${refused}`);
  };
  ipcMain.on(ENGINE_HOST_CHANNELS.toApp, onFrame);
  let ended = false;
  const end = (reason: string): void => {
    if (ended) return;
    ended = true;
    ipcMain.removeListener(ENGINE_HOST_CHANNELS.toApp, onFrame);
    relay.close(reason);
  };
  contents.on('render-process-gone', (_event, details) =>
    end(`the window that trained this run on the GPU stopped (${details.reason})`),
  );
  window.on('closed', () => end(GPU_WINDOW_CLOSED));
  void window.loadURL(o.url);
  return {
    window,
    close() {
      end(GPU_WINDOW_CLOSED);
      if (!window.isDestroyed()) window.destroy();
    },
  };
}
