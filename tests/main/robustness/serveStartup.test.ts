// Issue #14, item 8: a wrong --projects or --db fails at start with one clear line (exit 2),
// never on the first request or by hanging.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

function serve(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/serve/main.ts', ...args], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      // Started after all: end it, so the test fails on its assertions instead of waiting.
      if (stdout.includes('serving at')) child.kill();
    });
    child.once('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('serve start-up checks', () => {
  const dir = tempDir();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a folder');

  const cases: Array<[string, string[], RegExp]> = [
    [
      '--projects pointing at a file',
      ['--db', join(dir, 'ok.sqlite'), '--projects', file],
      /^error: --projects: .*a-file is a file, not a folder$/,
    ],
    ['--db inside a file', ['--db', join(file, 'x.sqlite')], /^error: --db .*: .*a-file is a file, not a folder$/],
    [
      '--db where no folder can be made',
      ['--db', '/proc/layerlab-nope/x.sqlite'],
      /^error: --db .*: cannot (create|write in) .*\/proc/,
    ],
  ];

  it.each(cases)('refuses %s with one line', async (_what, args, message) => {
    const r = await serve(args);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
