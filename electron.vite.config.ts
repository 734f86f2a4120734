// electron-vite: the main process (ESM), the preload script (CommonJS, as a sandboxed preload
// must be) and the renderer (React), from this repo's folders rather than electron-vite's defaults.
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const path = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * `npm start` only: React Fast Refresh injects an inline module script, which the page's strict
 * CSP refuses. The dev server's page allows inline scripts; built pages keep the strict policy.
 */
const allowInlineScriptsInDev: Plugin = {
  name: 'layerlab-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  main: {
    build: {
      outDir: path('./out/main'),
      rollupOptions: {
        // The engine's utility-process entry is added by its `?modulePath` import in utilityEngine.ts.
        input: { index: path('./src-main/electron/main.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (zod) into it.
      externalizeDeps: false,
      outDir: path('./out/preload'),
      rollupOptions: {
        // The app window's API bridge, and the hidden GPU engine window's device-host bridge.
        input: { index: path('./src-main/electron/preload.ts'), engineHost: path('./src-main/electron/engineHostPreload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: path('./src-renderer'),
    base: './',
    plugins: [react(), allowInlineScriptsInDev],
    build: {
      outDir: path('./out/renderer'),
      // ECharts and React Flow make one big chunk; fine for an app loaded from disk.
      chunkSizeWarningLimit: 3000,
      // The app page, and the hidden window's page that runs the WebGPU engine workers.
      rollupOptions: { input: { index: path('./src-renderer/index.html'), engineHost: path('./src-renderer/engine-host.html') } },
    },
  },
});
