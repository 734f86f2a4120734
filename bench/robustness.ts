// `npm run bench -- --only robustness`: how the serve-mode server holds up (issue #14).
//   - malformed frames per second: each on its own connection, which the server closes;
//   - the server's peak memory (VmHWM) while it receives a 50 MB project over its WebSocket;
//   - the peak memory of importing a 200 MB CSV in an engine-like process (target: under 1 GB).
// Servers and imports run as child processes, so their peaks are theirs alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { frame, rawConnection } from '../tests/main/helpers/rawFrames';
import { createWebSocketApi, type SocketLike } from '../src-shared/wsApiClient';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const ROBUSTNESS_TARGETS = { csvImportPeakMb: 1024 };

export interface RobustnessBenchResult {
  framesPerSec: number;
  projectMb: number;
  serverPeakMbIdle: number;
  serverPeakMbAfterProject: number;
  csvMb: number;
  csvImportPeakMb: number | null;
  csvImportOutcome: string;
}

const peakMb = (pid: number): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

function startServe(dir: string): Promise<{ pid: number; port: number; token: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/serve/main.ts', '--db', join(dir, 'b.sqlite'), '--static', join(dir, 'none')],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /serving at http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/.exec(out);
      if (m) resolve({ pid: child.pid!, port: Number(m[1]), token: m[2], stop: () => child.kill() });
    });
    child.once('exit', () => reject(new Error(`the server exited: ${out}`)));
  });
}

export async function runRobustnessBench(
  options: { seconds?: number; csvMb?: number; log?: (line: string) => void } = {},
): Promise<RobustnessBenchResult> {
  const seconds = options.seconds ?? 3;
  const csvMb = options.csvMb ?? 200;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-robust-'));
  const server = await startServe(dir);
  try {
    log('robustness: malformed frames…');
    let frames = 0;
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      const c = await rawConnection(server.port, server.token);
      c.socket.write(frame(randomBytes(64), { opcode: 3 + (frames % 5), rsv: frames % 8, mask: frames % 2 === 0 }));
      await c.closed;
      frames++;
    }
    const framesPerSec = frames / seconds;
    const idle = peakMb(server.pid);
    log('robustness: a 50 MB project…');
    const api = createWebSocketApi(
      `ws://127.0.0.1:${server.port}/api?token=${server.token}`,
      (u) => new WebSocket(u, { maxPayload: 256 * 2 ** 20 }) as unknown as SocketLike,
    );
    await api.ready;
    const description = 'd'.repeat(50 * 2 ** 20 - 2000);
    await api.projects.save(
      {
        format: 'layerlab.graph/1',
        name: 'big',
        description,
        nodes: [],
        edges: [],
        training: {
          dataset: 'xor',
          loss: 'mse',
          optimizer: { name: 'sgd', lr: 0.1 },
          batchSize: 4,
          epochs: 1,
          seed: 1,
          validationSplit: 0,
        },
      },
      'big',
    );
    const afterProject = peakMb(server.pid);
    api.close();

    log(`robustness: importing a ${csvMb} MB CSV…`);
    const csv = join(dir, 'big.csv');
    const fd = openSync(csv, 'w');
    // About 100 bytes a row (so 2 million rows, within the 5,000,000-row cap): twelve numeric
    // columns of varied spellings and a text target.
    writeSync(fd, `${Array.from({ length: 12 }, (_, c) => `x${c}`).join(',')},label\n`);
    const line = (i: number) =>
      `${(i % 1000) / 7},${i % 37},${(i % 11) * 0.5},${i % 5},${(i * 7) % 101},${i % 3},${i / 9},${i % 13},` +
      `${(i % 97) * 1.25},${i % 2},${(i * 13) % 1009},${-i % 17},${i % 2 ? 'yes' : 'no'}\n`;
    let written = 0;
    for (let i = 0; written < csvMb * 2 ** 20; i += 10_000) {
      const block = Array.from({ length: 10_000 }, (_, k) => line(i + k)).join('');
      writeSync(fd, block);
      written += block.length;
    }
    closeSync(fd);
    const script = join(dir, 'import.mts');
    writeFileSync(
      script,
      `import { loadDataset } from '${join(REPO, 'src-engine/hosts/node/datasets/index.ts')}';\n` +
        `import { readFileSync } from 'node:fs';\n` +
        `const t0 = performance.now();\n` +
        `try { const d = await loadDataset(${JSON.stringify(csv)}, { target: 'label' }); console.log('ok: ' + d.count.toLocaleString('en-US') + ' rows in ' + ((performance.now() - t0) / 1000).toFixed(1) + ' s'); } catch (e) { console.log('error ' + (e as Error).message); }\n` +
        `const m = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8')); console.log('peak ' + (m ? Number(m[1]) / 1024 : NaN));\n`,
    );
    const output = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.once('exit', (code, signal) => resolve(text + (signal ? `\nkilled by ${signal}` : code ? `\nexit ${code}` : '')));
    });
    const peak = /peak ([\d.]+)/.exec(output);
    const outcome = /^(ok: .*|error .*)$/m.exec(output)?.[1] ?? output.trim().split('\n').pop() ?? '';
    return {
      framesPerSec,
      projectMb: 50,
      serverPeakMbIdle: idle,
      serverPeakMbAfterProject: afterProject,
      csvMb,
      csvImportPeakMb: peak ? Number(peak[1]) : null,
      csvImportOutcome: outcome,
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printRobustnessBench(r: RobustnessBenchResult, out: (line: string) => void = console.log): void {
  out(`malformed frames (one connection each)   ${r.framesPerSec.toFixed(0)} /s, server still serving`);
  out(
    `server peak memory, idle → after a ${r.projectMb} MB project   ${r.serverPeakMbIdle.toFixed(0)} MB → ${r.serverPeakMbAfterProject.toFixed(0)} MB`,
  );
  const peak = r.csvImportPeakMb === null ? 'unknown' : `${r.csvImportPeakMb.toFixed(0)} MB`;
  const imported = r.csvImportOutcome.startsWith('ok');
  const pass = imported && r.csvImportPeakMb !== null && r.csvImportPeakMb < ROBUSTNESS_TARGETS.csvImportPeakMb ? 'PASS' : 'FAIL';
  out(
    `importing a ${r.csvMb} MB CSV: peak ${peak} (target < ${ROBUSTNESS_TARGETS.csvImportPeakMb} MB: ${pass}); ${r.csvImportOutcome}`,
  );
}

// Run alone: npx tsx bench/robustness.ts [csvMb]
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runRobustnessBench({ csvMb: Number(process.argv[2] ?? 200), log: (l) => process.stderr.write(`${l}\n`) });
  printRobustnessBench(r);
}
