// Builds the renderer on its own (serve mode and the e2e tests), without electron-vite.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // ECharts and React Flow make one big chunk; that is fine for a desktop app loaded from disk.
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
});
