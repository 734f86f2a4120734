// `npm run test:electron`: builds the desktop app and runs its smoke test in the real Electron,
// under a virtual display (xvfb-run) on Linux when there is no display.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
export const hasElectronBinary = () => existsSync(`${repo}node_modules/electron/dist`);

if (!hasElectronBinary()) {
  console.error(
    'test:electron needs the Electron binary (node_modules/electron/dist): run `npm install` where Electron can be downloaded.',
  );
  process.exit(1);
}
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['electron-vite', 'build']);
const vitest = ['vitest', 'run', '--config', 'vitest.electron.config.ts'];
if (process.platform === 'linux' && !process.env.DISPLAY) run('xvfb-run', ['-a', 'npx', ...vitest]);
else run('npx', vitest);
