// Bundles the Node engine entry (src-engine/hosts/node/runWorker.ts) into out/engine/runWorker.mjs,
// so engine processes in serve mode start without compiling TypeScript (see
// src-main/engine/engineBundle.ts). npm packages stay external: they load from node_modules as usual.
// The manifest written next to the bundle lists every source file in it, for the freshness check.
import { defineConfig, type Plugin } from 'vite';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifest, ENGINE_BUNDLE_DIR, ENGINE_BUNDLE_FILE, MANIFEST_FILE, REPO_ROOT } from './src-main/engine/engineBundle';

const require = createRequire(import.meta.url);
// zod is inlined: Node loads its ~100 module files one by one, which costs more than the rest of
// the engine's start. The data-set packages stay external (they are read from node_modules).
const INLINED = ['zod'];
const entry = fileURLToPath(new URL('./src-engine/hosts/node/runWorker.ts', import.meta.url));

function sourceManifest(): Plugin {
  let outDir = ENGINE_BUNDLE_DIR;
  return {
    name: 'layerlab-engine-manifest',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const sources = [...this.getModuleIds()].filter(
        (id) => isAbsolute(id) && id.startsWith(REPO_ROOT) && !id.includes('node_modules') && !id.includes('\0'),
      );
      // An inlined package's version counts as a source too: updating it makes the bundle stale.
      for (const name of INLINED) sources.push(require.resolve(`${name}/package.json`));
      // Written last: a half-written bundle never has a manifest that vouches for it.
      writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(buildManifest(outDir, sources), null, 1)}\n`);
    },
  };
}

export default defineConfig({
  root: REPO_ROOT,
  logLevel: 'warn',
  plugins: [sourceManifest()],
  ssr: { noExternal: INLINED },
  build: {
    ssr: entry,
    outDir: ENGINE_BUNDLE_DIR,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'es', entryFileNames: ENGINE_BUNDLE_FILE } },
  },
});
