// Node side of the browser tests and the WebGPU benchmark: bundle a page with vite, serve it
// from 127.0.0.1 (a secure context, so navigator.gpu exists), open it in headless Chromium.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium.mjs';

export const CHROMIUM = chromiumPath();

const COMMON_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** On Linux WebGPU is behind a flag; SwiftShader gives a software adapter where no GPU is. */
export const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--disable-gpu-sandbox',
  '--use-angle=swiftshader',
];

export interface BrowserPage {
  page: Page;
  url: string;
  /** Console errors and uncaught exceptions of the page and its workers. */
  errors: string[];
  close(): Promise<void>;
}

/** Bundles the page whose index.html is in `root` into a fresh temporary folder. */
export async function buildPage(root: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'layerlab-webgpu-'));
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
    },
    worker: { format: 'es' },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
};

/** Serves `dir` (plus extra in-memory files) on 127.0.0.1 at a free port. */
export async function serve(dir: string, extra: Record<string, Uint8Array> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const name = path === '/' ? '/index.html' : path;
    if (name === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (extra[name]) {
      res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' });
      res.end(extra[name]);
      return;
    }
    const file = normalize(join(dir, name));
    if (!file.startsWith(resolve(dir)) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export interface OpenOptions {
  /** False: launch without the WebGPU flags (a browser with no adapter). */
  webgpu?: boolean;
  /** Flags that enable WebGPU instead of WEBGPU_ARGS (e.g. for a real GPU). */
  webgpuArgs?: string[];
  executablePath?: string;
  /** Extra files served from memory, by path. */
  extra?: Record<string, Uint8Array>;
}

/** Launches Chromium (with WebGPU flags unless told otherwise) on the page served from `dir`. */
export async function openPage(dir: string, options: OpenOptions = {}): Promise<BrowserPage> {
  const { url, server } = await serve(dir, options.extra);
  let browser: Browser | null = null;
  try {
    const args = [...COMMON_ARGS, ...(options.webgpu === false ? [] : (options.webgpuArgs ?? WEBGPU_ARGS))];
    browser = await chromium.launch({ executablePath: options.executablePath ?? CHROMIUM, args, headless: true });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`)));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { layerlabReady?: boolean }).layerlabReady === true, undefined, {
      timeout: 30_000,
    });
    const opened = browser;
    return {
      page,
      url,
      errors,
      close: async () => {
        await opened.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
