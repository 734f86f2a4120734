// The one Content-Security-Policy of the app's pages, in Electron (app://) and in serve mode: only
// the app's own scripts (WebAssembly compiled from them), workers and styles; `connect` adds where
// the page may connect besides itself (serve mode's WebSocket).
export function appContentSecurityPolicy(connect: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Cross-origin isolation for every response of the app's own origin (page, scripts, workers,
 * fonts, WebAssembly): the page gets SharedArrayBuffer, which the fast CPU kernels' shared memory
 * and their helper workers need. Everything the page loads is its own, so `require-corp` breaks
 * nothing, and `same-origin` resources cannot be embedded by other sites.
 */
export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
