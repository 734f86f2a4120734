// App-wide hardening (Electron's security checklist): no navigation away from the app, no new
// windows, no webviews, no permissions, no remote content.
import { app, session, shell, type WebContents } from 'electron';
import { CROSS_ORIGIN_ISOLATION } from '../csp';

/** Whether a URL belongs to the app itself (its protocol, or the dev server in development). */
export type AppUrlTest = (url: string) => boolean;

export function hardenApp(isAppUrl: AppUrlTest): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Call once the app is ready: the default session refuses permissions and remote requests. */
export function hardenSession(isAppUrl: AppUrlTest): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const local = isAppUrl(url) || /^(devtools|data|blob|chrome-extension):/.test(url);
    callback({ cancel: !local });
  });
  // The dev server's pages (npm start) need the cross-origin isolation that app:// responses carry.
  s.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url) || !/^https?:/.test(details.url)) return callback({});
    const isolation = Object.fromEntries(Object.entries(CROSS_ORIGIN_ISOLATION).map(([k, v]) => [k, [v]]));
    callback({ responseHeaders: { ...details.responseHeaders, ...isolation } });
  });
}

/**
 * Electron's secure defaults for every window, spelled out: isolated, sandboxed, no Node, and not
 * throttled in the background (training charts and the hidden GPU engine keep running).
 */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    backgroundThrottling: false,
  };
}
