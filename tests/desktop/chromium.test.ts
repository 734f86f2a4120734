// `npm test` finds a Chromium by itself, or stops at once with one line saying how to get one.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium } from '../../scripts/chromium.mjs';
import { tempDir } from '../main/helpers/temp';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function executable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('finding a Chromium', () => {
  const dir = tempDir('layerlab-chromium-');
  const empty = { PATH: join(dir, 'nothing'), PLAYWRIGHT_BROWSERS_PATH: join(dir, 'no-cache') };

  it('takes CHROMIUM_PATH first, and only if it exists', () => {
    const own = executable(join(dir, 'own', 'chrome'));
    expect(findChromium({ ...empty, CHROMIUM_PATH: own })).toBe(own);
    expect(findChromium({ ...empty, CHROMIUM_PATH: join(dir, 'missing') })).toBeNull();
  });

  it('then looks for chromium, chromium-browser and google-chrome on PATH', () => {
    const bin = join(dir, 'bin');
    const chrome = executable(join(bin, 'google-chrome'));
    expect(findChromium({ ...empty, PATH: bin })).toBe(chrome);
    const chromium = executable(join(bin, 'chromium'));
    expect(findChromium({ ...empty, PATH: bin })).toBe(chromium);
  });

  it("then in Playwright's browser cache, newest build first", () => {
    const cache = join(dir, 'ms-playwright');
    executable(join(cache, 'chromium-1100', 'chrome-linux', 'chrome'));
    const newest = executable(join(cache, 'chromium-1200', 'chrome-linux64', 'chrome'));
    expect(findChromium({ ...empty, PLAYWRIGHT_BROWSERS_PATH: cache })).toBe(newest);
  });

  it('the pretest check stops with one line saying how to install one', () => {
    const run = spawnSync(process.execPath, [join(repo, 'scripts/check-chromium.mjs')], {
      env: { ...empty, CHROMIUM_PATH: join(dir, 'missing') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([`npm test: ${CHROMIUM_MISSING}`]);
    expect(CHROMIUM_MISSING).toMatch(/apt-get install chromium/);
    expect(CHROMIUM_MISSING).toMatch(/brew install --cask chromium/);
    expect(CHROMIUM_MISSING).toMatch(/npx playwright install chromium/);
  });

  it('passes silently when one is there', () => {
    const run = spawnSync(process.execPath, [join(repo, 'scripts/check-chromium.mjs')], {
      env: { ...empty, CHROMIUM_PATH: executable(join(dir, 'ok', 'chrome')) },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
