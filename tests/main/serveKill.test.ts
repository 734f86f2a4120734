// Killing the whole server mid-run (SIGKILL: no clean-up at all) leaves a sound database; the
// next start marks the run interrupted and keeps every epoch it recorded, and the engine
// process does not outlive the server.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RunUpdate } from '../../src-shared/api';
import { tempDir } from './helpers/temp';
import { circleGraph } from './helpers/graphs';
import { apiClient, apiUrl } from './helpers/wsClient';
import { startServeProcess } from './helpers/serveProcess';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('killing the server process mid-run', () => {
  const dir = tempDir();
  const db = join(dir, 'layerlab.sqlite');
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>LayerLab</title>');

  it('leaves an intact database and a run marked interrupted on restart, with its epochs kept', async () => {
    const first = await startServeProcess(['--port', '0', '--db', db, '--static', staticDir]);
    const api = apiClient(apiUrl(first.port, first.token));
    await api.ready;
    const seen: number[] = [];
    api.onRunUpdate((u: RunUpdate) => {
      if (u.kind === 'engine' && u.event.event === 'epoch') seen.push(u.event.epoch);
    });
    const { runId } = await api.runs.start(circleGraph(300));
    await waitUntil(() => seen.length >= 3, '3 epochs');
    const engines = execFileSync('ps', ['-o', 'pid=', '--ppid', String(first.child.pid)])
      .toString()
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(engines.length).toBeGreaterThanOrEqual(1);

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // The engine notices its host is gone and ends too.
    await waitUntil(() => engines.every((pid) => !alive(pid)), 'the engine process to end');

    const raw = new Database(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(runId)).toBe('running');
    raw.close();

    const second = await startServeProcess(['--port', '0', '--db', db, '--static', staticDir]);
    try {
      expect(second.output()).toContain('1 run(s) left active by the last session are now marked interrupted');
      const again = apiClient(apiUrl(second.port, second.token));
      await again.ready;
      const run = await again.runs.get(runId);
      expect(run.status).toBe('interrupted');
      expect(run.error).toMatch(/closed while this run was active/);
      const epochs = (await again.runs.metrics(runId)).epochs.map((e) => e.epoch);
      // Every epoch the UI was shown survived the kill, in order from the first.
      expect(epochs.slice(0, seen.length)).toEqual(seen);
      expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, i) => i + 1));
      expect(run.epochsDone).toBe(epochs.length);
      again.close();
    } finally {
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    }
  });
});
