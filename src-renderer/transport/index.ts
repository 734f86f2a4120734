// The renderer's one way to the main process: the preload bridge in Electron (window.layerlab),
// the WebSocket of `npm run serve` in a browser.
import type { LayerLabApi } from '../../src-shared/api';
import { apiUrlFor, createWebSocketApi } from './wsTransport';

declare global {
  interface Window {
    /** Exposed by the preload script (src-main/electron/preload.ts) in the desktop app. */
    layerlab?: LayerLabApi;
  }
}

let api: LayerLabApi | null = null;

export function getApi(): LayerLabApi {
  api ??= window.layerlab ?? createWebSocketApi(apiUrlFor(window.location));
  return api;
}

/** True in the desktop app (native menus and dialogs), false in the browser. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.layerlab !== undefined;
}

export { createWebSocketApi, apiUrlFor, type WebSocketApi } from './wsTransport';
export { createApiClient, type ApiCarrier } from './apiClient';
