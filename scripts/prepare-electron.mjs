// `prestart`: `npm start` runs LayerLab in Electron, which needs better-sqlite3 built for
// Electron's ABI (and Electron's headers, fetched from the internet by @electron/rebuild).
// Machines without the Electron binary get a clear message instead (use `npm run serve`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { sqliteLoadError } from './abiCheck.mjs';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('..', import.meta.url));

function electronInstall() {
  let dir;
  try {
    // Not require('electron'): that would try to download the binary.
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return null;
  return { version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

const electron = electronInstall();
if (!electron) {
  console.error(
    [
      'The Electron binary is not installed, so the desktop app cannot start on this machine.',
      '  • To run LayerLab in your browser instead: npm run serve',
      '  • To install Electron (needs internet access): npx install-electron, then npm start',
    ].join('\n'),
  );
  process.exit(1);
}

// A module that loads in plain Node has Node's ABI, not Electron's: rebuild it for Electron.
const error = sqliteLoadError();
if (error?.abiMismatch) process.exit(0);
console.log(`Rebuilding better-sqlite3 for Electron ${electron.version}…`);
// The package's exports hide its package.json; its CLI sits at a fixed place.
const cli = join(repo, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
const result = spawnSync(process.execPath, [cli, '--force', '--only', 'better-sqlite3', '--version', electron.version], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error("Rebuilding better-sqlite3 for Electron failed (it needs internet access for Electron's headers).");
  process.exit(1);
}
console.log('better-sqlite3 is ready for Electron. `npm test` will rebuild it for Node when needed.');
