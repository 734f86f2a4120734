// Shared by the ABI scripts: whether better-sqlite3's native module loads in this Node.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** null when it loads; otherwise the error, with `abiMismatch` true for a build for another runtime (Electron). */
export function sqliteLoadError() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { message, abiMismatch: /NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message) };
  }
}
