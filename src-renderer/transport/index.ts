// The renderer's one way to the main process: the preload bridge in Electron (window.layerlab),
// the WebSocket of `npm run serve` in a browser.
import type { LayerLabApi } from '../../src-shared/contract';
import { apiUrlFor, createWebSocketApi, type WebSocketApi } from '../../src-shared/wsApiClient';

declare global {
  interface Window {
    /** Exposed by the preload script (src-main/electron/preload.ts) in the desktop app. */
    layerlab?: LayerLabApi;
  }
}

let api: LayerLabApi | null = null;
let socketApi: WebSocketApi | null = null;

export function getApi(): LayerLabApi {
  if (!api) {
    socketApi = window.layerlab ? null : createWebSocketApi(apiUrlFor(window.location));
    api = window.layerlab ?? socketApi!;
  }
  return api;
}

/** The serve-mode socket made by getApi (null in the desktop app and in tests that set their own API): the page hosts GPU engine workers over it. */
export function pageSocket(): WebSocketApi | null {
  return socketApi;
}

/** True in the desktop app (native menus and dialogs), false in the browser. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.layerlab !== undefined;
}

export { createWebSocketApi, apiUrlFor, type WebSocketApi } from '../../src-shared/wsApiClient';
export { createApiClient, type ApiCarrier } from '../../src-shared/apiClient';
