// The engine entry bundled once (out/engine/, by vite.engine.config.ts) so that engine processes
// start without compiling TypeScript. Next to the bundle, a manifest names every source file that
// went into it with its content hash; a bundle is used only while every one of them is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ENGINE_BUNDLE_DIR = join(REPO_ROOT, 'out', 'engine');
export const ENGINE_BUNDLE_FILE = 'runWorker.mjs';
export const MANIFEST_FILE = 'manifest.json';
const MANIFEST_FORMAT = 'layerlab.engine-bundle/1';

export interface SourceRecord {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface BundleManifest {
  format: typeof MANIFEST_FORMAT;
  entry: string;
  /** Of the bundle file itself: a half-written or replaced bundle is not the one vouched for. */
  entrySha256: string;
  sources: SourceRecord[];
}

export type BundleStatus = { fresh: true; entry: string } | { fresh: false; reason: string };

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** What the manifest says of one source file, read now. */
export function recordSource(absolutePath: string, root = REPO_ROOT): SourceRecord {
  const st = statSync(absolutePath);
  return {
    file: relative(root, absolutePath).split(sep).join('/'),
    size: st.size,
    mtimeMs: st.mtimeMs,
    sha256: sha256(absolutePath),
  };
}

export function buildManifest(bundleDir: string, sourceFiles: string[], root = REPO_ROOT): BundleManifest {
  const sources = [...new Set(sourceFiles)].sort().map((f) => recordSource(f, root));
  return {
    format: MANIFEST_FORMAT,
    entry: ENGINE_BUNDLE_FILE,
    entrySha256: sha256(join(bundleDir, ENGINE_BUNDLE_FILE)),
    sources,
  };
}

function parseManifest(text: string): BundleManifest | null {
  try {
    const m = JSON.parse(text) as Partial<BundleManifest>;
    if (
      m.format !== MANIFEST_FORMAT ||
      typeof m.entry !== 'string' ||
      typeof m.entrySha256 !== 'string' ||
      !Array.isArray(m.sources) ||
      m.sources.length === 0
    )
      return null;
    return m as BundleManifest;
  } catch {
    return null;
  }
}

/** Whether one source file still matches its record: the size and mtime decide when both agree
 *  (a cheap stat), the content hash when the mtime moved (a touched file that did not change). */
function unchanged(record: SourceRecord, root: string): boolean {
  const path = resolve(root, record.file);
  let st;
  try {
    st = statSync(path);
  } catch {
    return false;
  }
  if (st.size !== record.size) return false;
  if (st.mtimeMs === record.mtimeMs) return true;
  return sha256(path) === record.sha256;
}

/** The bundled engine entry, if it exists and was built from the sources as they are now. */
export function engineBundleStatus(dir = ENGINE_BUNDLE_DIR, root = REPO_ROOT): BundleStatus {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return { fresh: false, reason: `no bundle in ${dir} (npm run serve builds it)` };
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  if (!manifest) return { fresh: false, reason: `unreadable manifest ${manifestPath}` };
  const entry = join(dir, manifest.entry);
  if (!existsSync(entry)) return { fresh: false, reason: `bundle missing: ${entry}` };
  if (sha256(entry) !== manifest.entrySha256)
    return { fresh: false, reason: `${entry} is not the bundle its manifest describes` };
  const changed = manifest.sources.find((s) => !unchanged(s, root));
  if (changed) return { fresh: false, reason: `${changed.file} changed since the bundle was built` };
  return { fresh: true, entry };
}

/** Builds the bundle with vite.engine.config.ts (about a second) into `outDir` (default out/engine). */
export async function buildEngineBundle(outDir = ENGINE_BUNDLE_DIR): Promise<void> {
  // vite is a build tool: loaded only here, so hosts that merely check the bundle never load it.
  const { build } = await import('vite');
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  await build({ configFile: join(REPO_ROOT, 'vite.engine.config.ts'), logLevel: 'warn', build: { outDir } });
}

/** Builds the bundle unless a fresh one is there; says what it did, or why the source stays in use. */
export async function ensureEngineBundle(outDir = ENGINE_BUNDLE_DIR): Promise<{ built: boolean; status: BundleStatus }> {
  if (engineBundleStatus(outDir).fresh) return { built: false, status: engineBundleStatus(outDir) };
  try {
    await buildEngineBundle(outDir);
  } catch (e) {
    return { built: false, status: { fresh: false, reason: `the engine bundle could not be built: ${(e as Error).message}` } };
  }
  return { built: true, status: engineBundleStatus(outDir) };
}
