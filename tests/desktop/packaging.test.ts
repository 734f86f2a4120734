// The installer configuration, checked short of the Electron download: every path it names exists,
// the icon set has every size, the file globs ship the build and nothing else, and a real
// electron-builder run (with a stand-in Electron) unpacks the native SQLite module from the asar.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';
import asar from '@electron/asar';
import config, { fileAssociations } from '../../electron-builder.config.mjs';
import { tempDir } from '../main/helpers/temp';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/**
 * electron-builder's reading of `files`: a path ships when a pattern includes it and no later
 * `!pattern` excludes it. Production dependencies (node_modules) are added by electron-builder
 * itself, and the exclusions still apply to them.
 */
function ships(path: string): boolean {
  let included = path.startsWith('node_modules/');
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!')) {
      if (minimatch(path, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(path, pattern, { dot: true })) included = true;
  }
  return included;
}

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('packaging configuration', () => {
  it('names only paths that exist', () => {
    const paths = [
      config.directories.buildResources,
      config.linux.icon,
      config.mac.icon,
      config.win.icon,
      'resources/icon.svg',
      'resources/linux/layerlab.desktop',
      'scripts/make-icons.mjs',
    ];
    for (const p of paths) expect(existsSync(join(repo, p)), p).toBe(true);
    // File-association icons resolve to resources/icon.{icns,ico}.
    for (const a of fileAssociations)
      for (const ext of ['icns', 'ico']) expect(existsSync(join(repo, 'resources', `${a.icon}.${ext}`))).toBe(true);
  });

  it('targets AppImage and deb, dmg, nsis, and associates project files and ONNX models', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(fileAssociations.map((a) => a.ext)).toEqual(['layerlab.json', 'onnx']);
    expect(config.linux.desktop.entry.MimeType).toBe(fileAssociations.map((a) => a.mimeType).join(';') + ';');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('unpacks the native SQLite module, which cannot load from inside an asar', () => {
    const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(repo, native))).toBe(true);
    expect(config.asarUnpack.some((p: string) => minimatch(native, p))).toBe(true);
    expect(ships(native)).toBe(true);
  });

  it('ships the build (main, preload, renderer, engine) and leaves sources, tests and benches out', () => {
    for (const p of [
      'out/main/index.js',
      'out/main/chunks/utilityEntry-x.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ])
      expect(ships(p), p).toBe(true);
    for (const p of [
      'tests/e2e/harness.ts',
      'bench/run.ts',
      'src-engine/index.ts',
      'src-main/electron/main.ts',
      'docs/export.md',
      'out/main/index.js.map',
      'scripts/make-icons.mjs',
      'out/engine/runWorker.js',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
    ]) {
      expect(ships(p), p).toBe(false);
    }
  });

  it('has the icon set in every size, as PNG, ICO and ICNS', () => {
    const pngs = readdirSync(join(repo, 'resources/icons')).sort();
    expect(pngs).toEqual(ICON_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const s of ICON_SIZES) expect(pngSize(join(repo, 'resources/icons', `${s}x${s}.png`))).toEqual([s, s]);

    // ICO: a directory of entries; a width byte of 0 means 256.
    const ico = readFileSync(join(repo, 'resources/icon.ico'));
    const count = ico.readUInt16LE(4);
    const icoSizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));

    // ICNS: 'icns', total length, then typed chunks.
    const icns = readFileSync(join(repo, 'resources/icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    // 128, 256, 512 and 1024 (512@2x) px entries.
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('documents `npm run dist` and the icon script', () => {
    expect(pkg.scripts.dist).toMatch(/electron-vite build/);
    expect(pkg.scripts.dist).toMatch(/electron-builder/);
    expect(pkg.scripts.icons).toBe('node scripts/make-icons.mjs');
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    expect(readme).toContain('npm run dist');
  });
});

describe('electron-builder run with a stand-in Electron', () => {
  const stage = tempDir('layerlab-package-');
  let resources = '';

  beforeAll(() => {
    // A copy of the project (node_modules hard-linked) so the build writes nothing into the repo's out/.
    for (const f of ['package.json', 'package-lock.json', 'electron-builder.config.mjs']) cpSync(join(repo, f), join(stage, f));
    symlinkSync(join(repo, 'resources'), join(stage, 'resources'), 'dir');
    execFileSync('cp', ['-al', join(repo, 'node_modules'), join(stage, 'node_modules')]);
    // What `npm run dist` packs: the electron-vite build (main, preload, renderer).
    execFileSync(
      process.execPath,
      [join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(stage, 'out')],
      { cwd: repo, stdio: 'pipe' },
    );
    // The Electron binary cannot be downloaded here: electron-builder copies this folder instead.
    const fakeElectron = join(stage, 'fake-electron');
    mkdirSync(fakeElectron);
    writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\n');
    chmodSync(join(fakeElectron, 'electron'), 0o755);
    execFileSync(
      process.execPath,
      [
        join(repo, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--projectDir',
        stage,
        '--config',
        'electron-builder.config.mjs',
        `-c.electronDist=${fakeElectron}`,
        '-c.npmRebuild=false',
        '--publish',
        'never',
      ],
      { cwd: stage, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
    resources = join(stage, 'dist/linux-unpacked/resources');
  }, 240_000);

  it('packs the build and the runtime dependencies into app.asar, without sources or tests', () => {
    const files = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const f of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
      '/node_modules/zod/package.json',
      '/node_modules/better-sqlite3/package.json',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^\/(tests|bench|src-[a-z]+|docs|resources|scripts)(\/|$)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('unpacks better-sqlite3 next to the asar: the module, not its C sources', () => {
    const unpacked = join(resources, 'app.asar.unpacked/node_modules/better-sqlite3');
    expect(existsSync(join(unpacked, 'build/Release/better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(unpacked, 'deps'))).toBe(false);
    expect(existsSync(join(unpacked, 'src'))).toBe(false);
    expect(existsSync(join(unpacked, 'build/Release/test_extension.node'))).toBe(false);
  });
});
