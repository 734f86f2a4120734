// Drives LayerLab in serve mode: builds the renderer once, starts the real server on a free port
// with a temporary database and projects folder, and opens Debian's Chromium with playwright-core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src-main/serve/server';
import { warmEngineSpawner } from '../../src-main/engine/nodeSpawners';
import { ensureEngineBundle } from '../../src-main/engine/engineBundle';
import { chromiumPath } from '../../scripts/chromium.mjs';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const STATIC_DIR = join(REPO, 'out', 'renderer');
export const SCREENSHOTS = join(REPO, 'tests', 'e2e', 'screenshots');
export const CHROMIUM = chromiumPath();
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the renderer unless a build newer than every source file exists. Test files run in
 *  parallel, so one builds while the others wait on a lock directory. */
/** Written beside a production build: vitest sets NODE_ENV=test, which vite would build React's development code with. */
const PRODUCTION_MARK = join(STATIC_DIR, '.production-build');

/** The page the tests and the UI bench load, built as users get it, again when any source it bundles changed. */
export async function buildRenderer(): Promise<void> {
  const sources = ['src-renderer', 'src-engine', 'src-shared'].map((d) => join(REPO, d));
  const fresh = () =>
    existsSync(PRODUCTION_MARK) &&
    statSync(PRODUCTION_MARK).mtimeMs >
      Math.max(...sources.map(newestSource), statSync(join(REPO, 'vite.renderer.config.ts')).mtimeMs);
  const lock = join(REPO, 'out', '.renderer-build-lock');
  mkdirSync(join(REPO, 'out'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    if (fresh()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is left over from a crash.
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (fresh()) return;
    execFileSync(
      process.execPath,
      [
        join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'vite.renderer.config.ts',
        '--logLevel',
        'warn',
      ],
      {
        cwd: REPO,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    writeFileSync(PRODUCTION_MARK, 'NODE_ENV=production\n');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export interface AppSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  /** Opens the app (again) in the same browser context, e.g. to check that state survives. */
  openApp(query?: string): Promise<Page>;
  screenshot(name: string, page?: Page): Promise<string>;
  /** Resolves when the spare engine has loaded (sessions started with `warmEngine`; at once otherwise). */
  whenEngineWarm(): Promise<void>;
  close(): Promise<void>;
}

/** Chromium with WebGPU on its software adapter (SwiftShader), as tests/webgpu uses it; replaces --disable-gpu. */
export const WEBGPU_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'),
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--disable-gpu-sandbox',
  '--use-angle=swiftshader',
];

export async function startSession(
  options: {
    query?: string;
    width?: number;
    height?: number;
    webgpu?: boolean;
    /** Keep a spare engine loaded from the bundle, as `npm run serve` does (the UI bench's first-epoch figure). */
    warmEngine?: boolean;
  } = {},
): Promise<AppSession> {
  await buildRenderer();
  if (options.warmEngine) await ensureEngineBundle();
  // Child-process engines, as `npm run serve` starts them (each in its own session: backgroundPriority.ts).
  const spare = options.warmEngine ? warmEngineSpawner('child') : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startServer({
    port: 0,
    dbPath: join(dir, 'layerlab.sqlite'),
    staticDir: STATIC_DIR,
    projectsDir: join(dir, 'projects'),
    engine: 'thread',
    ...(spare ? { spawnEngine: spare } : {}),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: options.webgpu ? WEBGPU_CHROMIUM_ARGS : CHROMIUM_ARGS,
    headless: true,
  });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: 1,
  });
  // A broken page should fail fast, not after Playwright's 30-second default.
  context.setDefaultTimeout(10_000);
  const openApp = async (query = options.query ?? '') => {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${server.url}${query ? `&${query}` : ''}`);
    await page.waitForSelector('.topbar');
    return page;
  };
  const page = await openApp();
  return {
    server,
    browser,
    context,
    page,
    dir,
    openApp,
    async screenshot(name, p = page) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await p.screenshot({ path });
      return path;
    },
    whenEngineWarm: () => spare?.whenWarm() ?? Promise.resolve(),
    async close() {
      spare?.close();
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
