// The renderer is served from `app://layerlab/` rather than file:// (Electron security checklist:
// prefer a custom protocol), with a strict Content-Security-Policy header on every response and the
// cross-origin isolation headers (SharedArrayBuffer for the fast CPU kernels in the page).
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveStatic } from '../serve/staticFiles';
import { appContentSecurityPolicy, CROSS_ORIGIN_ISOLATION } from '../csp';

export const APP_SCHEME = 'app';
export const APP_URL = `${APP_SCHEME}://layerlab/index.html`;

export const APP_CSP = appContentSecurityPolicy();

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files of the built renderer folder, and nothing outside it. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'layerlab' ? resolveStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', APP_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}
