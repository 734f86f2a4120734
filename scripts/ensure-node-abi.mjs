// `pretest`: tests, the CLI and serve mode run better-sqlite3 in Node. After `npm start` rebuilt
// it for Electron, its native module has Electron's ABI; rebuild it for Node then. Otherwise
// (the usual case) this only loads the module once and exits.
import { spawnSync } from 'node:child_process';
import { sqliteLoadError } from './abiCheck.mjs';

const error = sqliteLoadError();
if (!error) process.exit(0);
if (!error.abiMismatch) {
  console.error(`better-sqlite3 cannot be loaded: ${error.message}`);
  console.error('Try `npm rebuild better-sqlite3` (or reinstall the dependencies).');
  process.exit(1);
}
console.log('better-sqlite3 is built for Electron; rebuilding it for Node so that the tests can use it…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error('`npm rebuild better-sqlite3` failed; see its output above.');
  process.exit(1);
}
// Check in a fresh process: this one may keep the failed load cached.
const check = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    "import { sqliteLoadError } from './scripts/abiCheck.mjs'; process.exit(sqliteLoadError() ? 1 : 0);",
  ],
  { stdio: 'inherit' },
);
if (check.status !== 0) {
  console.error('better-sqlite3 still does not load in Node after the rebuild.');
  process.exit(1);
}
console.log('better-sqlite3 is built for Node again.');
