// The preload script (sandboxed, CommonJS): exposes `window.layerlab`, the typed LayerLabApi, and
// `window.layerlabFiles`, one function giving a dropped file's native path. The page never sees
// ipcRenderer; only the channels of the table are reachable.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createApiClient, unwrapReply } from '../../src-shared/apiClient';
import { EVENT_CHANNELS } from '../../src-shared/contract';
import type { MenuCommand, RunUpdate } from '../../src-shared/api';
import { DROPPED_FILES_GLOBAL } from '../../src-shared/droppedFiles';
import { droppedFiles } from './droppedFiles';

function subscribe<T>(channel: string, deliver: (payload: unknown, listener: (value: T) => void) => void) {
  return (listener: (value: T) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => deliver(payload, listener);
    ipcRenderer.on(channel, handler);
    return () => ipcRenderer.removeListener(channel, handler);
  };
}

const api = createApiClient({
  invoke: async (channel, args) => unwrapReply(await ipcRenderer.invoke(channel, args)),
  // Updates arrive in batches (at most ~10 a second); listeners get them one by one.
  onRunUpdate: subscribe<RunUpdate>(EVENT_CHANNELS.runUpdates, (batch, listener) => {
    if (Array.isArray(batch)) for (const update of batch) listener(update as RunUpdate);
  }),
  onMenuCommand: subscribe<MenuCommand>(EVENT_CHANNELS.menuCommand, (command, listener) => listener(command as MenuCommand)),
});

contextBridge.exposeInMainWorld('layerlab', api);
contextBridge.exposeInMainWorld(
  DROPPED_FILES_GLOBAL,
  droppedFiles((file) => webUtils.getPathForFile(file)),
);
