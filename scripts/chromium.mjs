// Finds a Chromium for the browser tests and benches: CHROMIUM_PATH, then the usual install
// places and names on PATH, then Playwright's browser cache. Tests never download a browser.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CHROMIUM_MISSING =
  'No Chromium for the browser tests: install one (Debian/Ubuntu: `apt-get install chromium`; macOS: `brew install --cask chromium`; ' +
  'where downloads work: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const APP_BUNDLES = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** @param {NodeJS.ProcessEnv} env */
function onPath(env) {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

/** Browsers that `npx playwright install chromium` left in its cache, newest first. */
/** @param {NodeJS.ProcessEnv} env */
function playwrightCache(env) {
  const cache =
    env.PLAYWRIGHT_BROWSERS_PATH ??
    join(homedir(), process.platform === 'darwin' ? 'Library/Caches/ms-playwright' : '.cache/ms-playwright');
  if (!existsSync(cache)) return [];
  const builds = readdirSync(cache)
    .filter((d) => /^chromium-\d+$/.test(d))
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  return builds.flatMap((b) => [
    join(cache, b, 'chrome-linux64', 'chrome'),
    join(cache, b, 'chrome-linux', 'chrome'),
    join(cache, b, 'chrome-mac', 'Chromium.app/Contents/MacOS/Chromium'),
    join(cache, b, 'chrome-mac-arm64', 'Chromium.app/Contents/MacOS/Chromium'),
  ]);
}

/** The first Chromium found, or null. @returns {string | null} */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return [...onPath(env), ...APP_BUNDLES, ...playwrightCache(env)].find((p) => existsSync(p)) ?? null;
}

/** The Chromium to launch; throws the one-line install hint when there is none. @returns {string} */
export function chromiumPath() {
  const path = findChromium();
  if (!path) throw new Error(CHROMIUM_MISSING);
  return path;
}
