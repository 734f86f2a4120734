// Fuzzing a running serve instance (issue #14): random and malformed frames, random JSON for
// every channel, random graph documents and CSV bytes. After each batch the server still answers
// runs:list; at the end a run started before the fuzzing has completed and the database passes
// integrity_check. Case counts are bounded so the file runs in well under a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../src-main/serve/server';
import { API_CHANNELS } from '../../../src-shared/contract';
import type { RunStatus, RunUpdate } from '../../../src-shared/api';
import { tempDir } from '../helpers/temp';
import { circleGraph, xorGraph } from '../helpers/graphs';
import { apiClient, apiUrl, exchange, rawSocket } from '../helpers/wsClient';
import { frame, rawConnection } from '../helpers/rawFrames';

const SEED = 1414;

describe('fuzzing serve mode', () => {
  const dir = tempDir();
  const dataDir = join(dir, 'data');
  let server: RunningServer;
  let ended: Promise<RunStatus>;
  let runId: string;

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    server = await startServer({
      port: 0,
      dbPath: join(dir, 'fuzz.sqlite'),
      staticDir: join(dir, 'none'),
      projectsDir: join(dir, 'projects'),
      dataDirs: [dataDir],
      engine: 'thread',
      concurrency: 2,
    });
    const api = apiClient(apiUrl(server.port, server.token));
    await api.ready;
    ended = new Promise((resolve) =>
      api.onRunUpdate((u: RunUpdate) => {
        if (u.runId === runId && u.kind === 'status' && !['running', 'paused', 'queued'].includes(u.status)) resolve(u.status);
      }),
    );
    ({ runId } = await api.runs.start(circleGraph(60), { name: 'started before the fuzzing' }));
  });
  afterAll(() => server.close());

  async function stillServes(): Promise<void> {
    const api = apiClient(apiUrl(server.port, server.token));
    await api.ready;
    expect(Array.isArray(await api.runs.list())).toBe(true);
    api.close();
  }

  it('survives random bytes and random frames after the handshake', async () => {
    const anyFrame = fc.record({
      payload: fc.uint8Array({ maxLength: 300 }),
      opcode: fc.integer({ min: 0, max: 15 }),
      fin: fc.boolean(),
      rsv: fc.integer({ min: 0, max: 7 }),
      mask: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 400 }).map((b) => [Buffer.from(b)]),
          fc.array(anyFrame, { minLength: 1, maxLength: 4 }).map((fs) => fs.map((f) => frame(f.payload, f))),
        ),
        async (chunks) => {
          const c = await rawConnection(server.port, server.token);
          for (const chunk of chunks) c.socket.write(chunk);
          // A close frame of our own ends whatever the server is still waiting for.
          c.socket.end(frame(Buffer.from([0x03, 0xe8]), { opcode: 8 }));
          await c.closed;
        },
      ),
      { numRuns: 40, seed: SEED },
    );
    await stillServes();
  });

  it('answers random JSON on every channel with a reply, never a crash or a stack trace', async () => {
    const ws = await rawSocket(apiUrl(server.port, server.token));
    const channels = Object.keys(API_CHANNELS);
    let id = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channels, 'runs:explode', ''),
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 4 }),
        async (channel, args) => {
          const reply = (await exchange(ws, JSON.stringify({ id: ++id, channel, args }))) as {
            id: number;
            ok: boolean;
            error?: string;
          };
          expect(reply.id).toBe(id);
          if (!reply.ok) expect(reply.error).not.toMatch(/\n\s+at |call stack/);
        },
      ),
      { numRuns: 120, seed: SEED },
    );
    // Text that is not a request at all.
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const reply = (await exchange(ws, text)) as { ok: boolean };
        expect(typeof reply.ok).toBe('boolean');
      }),
      { numRuns: 40, seed: SEED },
    );
    ws.close();
    await stillServes();
  });

  it('answers random graph documents with a run or a plain refusal', async () => {
    const ws = await rawSocket(apiUrl(server.port, server.token));
    const base = xorGraph(1);
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.double(),
      fc.constantFrom(Infinity, -0, 1e-300, 65536, 'relu', null),
    );
    const mutation = fc.record({
      node: fc.nat({ max: 2 }),
      field: fc.constantFrom('type', 'params.units', 'params.activation', 'params.shape', 'params.rate', 'id'),
      value,
      training: fc.constantFrom(
        'loss',
        'batchSize',
        'validationSplit',
        'optimizer.lr',
        'optimizer.name',
        'dataset',
        'initializer',
        'seed',
      ),
      trainingValue: value,
    });
    let id = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const g = structuredClone(base) as unknown as {
          nodes: Array<Record<string, unknown>>;
          training: Record<string, unknown>;
        };
        setPath(g.nodes[m.node], m.field, m.value);
        setPath(g.training, m.training, m.trainingValue);
        g.training.epochs = 1;
        const reply = (await exchange(ws, JSON.stringify({ id: ++id, channel: 'runs:start', args: [g] }))) as {
          ok: boolean;
          error?: string;
        };
        if (!reply.ok) {
          expect(reply.error).not.toMatch(/internal error|\n\s+at /);
        }
      }),
      { numRuns: 60, seed: SEED },
    );
    ws.close();
    await stillServes();
  });

  it('previews random CSV bytes with a result or a plain error', async () => {
    const api = apiClient(apiUrl(server.port, server.token));
    await api.ready;
    const csvish = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc
        .array(
          fc.array(
            fc.oneof(
              fc.double().map(String),
              fc.string({ maxLength: 6 }),
              fc.constantFrom('', '1e309', 'NaN', '"a,b"', '\u0000'),
            ),
            { minLength: 1, maxLength: 4 },
          ),
          { maxLength: 12 },
        )
        .map((rows) => new TextEncoder().encode(['a,b,label', ...rows.map((r) => r.join(','))].join('\n'))),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(csvish, async (bytes) => {
        const file = join(dataDir, `fuzz-${n++}.csv`);
        writeFileSync(file, bytes);
        const error = await api.datasets.preview(file, { target: 'label' }).then(
          () => null,
          (e: Error) => e.message,
        );
        if (error) expect(error).not.toMatch(/internal error|\n\s+at /);
      }),
      { numRuns: 15, seed: SEED },
    );
    api.close();
    await stillServes();
  });

  it('finished the run started before, with an intact database', async () => {
    expect(await ended).toBe('completed');
    expect(server.services.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}
