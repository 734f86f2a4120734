// Issue #14, item 2: serve mode reads data only from its projects folder and `--data` roots.
// Anything else is refused with the same words whether it exists or not; browsers upload files
// instead, in chunks, into the projects folder's uploads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../src-main/serve/server';
import { tempDir } from '../helpers/temp';
import { xorGraph } from '../helpers/graphs';
import { apiClient, apiUrl } from '../helpers/wsClient';

const CSV = 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n';

describe('serve-mode data access', () => {
  const dir = tempDir();
  const dataDir = join(dir, 'data');
  const outside = join(dir, 'outside');
  let server: RunningServer;

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(dataDir, 'table.csv'), CSV);
    writeFileSync(join(outside, 'secret.csv'), CSV);
    writeFileSync(join(outside, 'secret.txt'), 'the quick brown fox');
    symlinkSync(join(outside, 'secret.csv'), join(dataDir, 'link.csv'));
    server = await startServer({
      port: 0,
      dbPath: join(dir, 'serve.sqlite'),
      staticDir: join(dir, 'none'),
      projectsDir: join(dir, 'projects'),
      dataDirs: [dataDir],
      engine: 'thread',
    });
  });
  afterAll(() => server.close());

  const refusal = async (channel: string, args: unknown[]): Promise<string> => {
    const error = await server.services.dispatch(channel, args).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error, `${channel} ${JSON.stringify(args)}`).not.toBeNull();
    return error!;
  };
  const withDataset = (dataset: string) => ({ ...xorGraph(2), training: { ...xorGraph(2).training, dataset } });

  it('refuses paths outside its folders without saying whether they exist', async () => {
    const existing = await refusal('datasets:preview', [join(outside, 'secret.csv')]);
    const missing = await refusal('datasets:preview', [join(outside, 'nothing-here.csv')]);
    expect(existing).toMatch(/reads data only from its data folders/);
    expect(existing.replace('secret.csv', 'X')).toBe(missing.replace('nothing-here.csv', 'X'));
    expect(existing).not.toMatch(/not found|no such/i);
    const cases: Array<[string, unknown[]]> = [
      ['datasets:preview', ['/etc/passwd.csv']],
      ['datasets:preview', [join(dataDir, '..', 'outside', 'secret.csv')]],
      ['datasets:preview', ['../../../../etc/hosts.csv']],
      ['datasets:preview', [`skipgram:corpus=${join(outside, 'secret.txt')}`]],
      ['datasets:preview', ['cbow:corpus=../secret.txt']],
      ['datasets:preview', [`names:file=${join(outside, 'secret.txt')}`]],
      ['datasets:preview', [join(dataDir, 'link.csv')]],
      ['runs:start', [withDataset(join(outside, 'secret.csv'))]],
      ['sweeps:start', [withDataset('/etc/hosts.csv'), { seeds: [1, 2] }]],
      ['inspect:gradcheck', [withDataset(`skipgram:corpus=/etc/hostname.txt`)]],
    ];
    for (const [channel, args] of cases) expect(await refusal(channel, args)).toMatch(/reads data only from its data folders/);
    expect(server.services.store.runs.list()).toEqual([]);
  });

  it("refuses methods that read a stored run's data when its graph names a file outside, without saying whether it exists", async () => {
    // Runs recorded by an earlier, unrestricted session (the desktop app shares the database).
    const recorded = (id: string, dataset: string): string => {
      server.services.store.runs.insert({
        id,
        name: id,
        graph: withDataset(dataset),
        backend: 'cpu',
        createdAt: new Date().toISOString(),
      });
      return id;
    };
    const there = [recorded('old-a', join(outside, 'secret.csv')), recorded('old-b', join(outside, 'secret.csv'))];
    const gone = [recorded('old-c', join(outside, 'gone.csv')), recorded('old-d', join(outside, 'gone.csv'))];
    const inFolder = recorded('old-e', join(dataDir, 'table.csv'));
    const channels = (ids: string[]): Array<[string, unknown[]]> => [
      ['inspect:evaluate', [ids[0], { checkpoint: 'best', split: 'validation' }]],
      // One member outside is enough, wherever it stands in the list.
      ['inspect:ensemble', [[inFolder, ...ids], { checkpoint: 'best', split: 'validation' }]],
      ['models:export', [ids[0], { checkpoint: 'final', format: 'safetensors' }]],
      ['models:verification', [ids[0], { checkpoint: 'final' }]],
      [
        'sweeps:startVariants',
        [
          [
            { label: 'mine', graph: withDataset(join(dataDir, 'table.csv')) },
            { label: 'theirs', graph: server.services.store.runs.detail(ids[1])!.graph },
          ],
        ],
      ],
    ];
    const existing = channels(there);
    const missing = channels(gone);
    for (let i = 0; i < existing.length; i++) {
      const [channel, args] = existing[i]!;
      const a = await refusal(channel, args);
      const b = await refusal(missing[i]![0], missing[i]![1]);
      expect(a, channel).toMatch(/reads data only from its data folders/);
      expect(a.replace('secret.csv', 'X'), channel).toBe(b.replace('gone.csv', 'X'));
    }
    // Nothing was queued or recorded by the refused sweep.
    expect(
      server.services.store.runs
        .list()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['old-a', 'old-b', 'old-c', 'old-d', 'old-e']);
    // A run whose data is inside passes the check and gets the method's own answer.
    expect(await refusal('inspect:evaluate', [inFolder, { checkpoint: 'best', split: 'validation' }])).not.toMatch(
      /data folders/,
    );
  });

  it('reads files inside a --data folder', async () => {
    const { summary } = (await server.services.dispatch('datasets:preview', [
      join(dataDir, 'table.csv'),
      { target: 'label' },
    ])) as { summary: { count: number } };
    expect(summary.count).toBeGreaterThan(0);
  });

  it('stores a file uploaded in chunks and previews it', async () => {
    const api = apiClient(apiUrl(server.port, server.token));
    await api.ready;
    const bytes = Buffer.from(CSV.repeat(1) + '9,10,x\n'.repeat(300_000));
    const { uploadId, chunkBytes } = await api.datasets.uploadBegin('my data.csv', bytes.length);
    for (let at = 0; at < bytes.length; at += chunkBytes) {
      await api.datasets.uploadChunk(uploadId, at, bytes.subarray(at, at + chunkBytes).toString('base64'));
    }
    const { path } = await api.datasets.uploadFinish(uploadId);
    expect(path).toBe(join(dir, 'projects', 'uploads', 'my data.csv'));
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const { summary } = await api.datasets.preview(path, { target: 'label' });
    expect(summary.count).toBeGreaterThan(300_000 * 0.5);
    // A second upload of the same name never overwrites the first.
    const again = await api.datasets.uploadBegin('my data.csv', 4);
    await api.datasets.uploadChunk(again.uploadId, 0, Buffer.from('a,b\n').toString('base64'));
    expect((await api.datasets.uploadFinish(again.uploadId)).path).toBe(join(dir, 'projects', 'uploads', 'my data-2.csv'));
    api.close();
  });

  it('refuses bad uploads with plain words', async () => {
    const d = server.services.dispatch;
    expect(await refusal('datasets:uploadBegin', ['../evil.csv', 10])).toMatch(/not a data file name/);
    expect(await refusal('datasets:uploadBegin', ['run.sh', 10])).toMatch(/not a data file name/);
    expect(await refusal('datasets:uploadBegin', ['big.csv', 600 * 1024 * 1024])).toMatch(/at most 512 MB/);
    const { uploadId } = (await d('datasets:uploadBegin', ['x.csv', 8])) as { uploadId: string };
    expect(await refusal('datasets:uploadChunk', [uploadId, 4, 'AAAA'])).toMatch(
      /arrived at byte 4 where 0 was expected; the upload was cancelled/,
    );
    expect(await refusal('datasets:uploadFinish', [uploadId])).toMatch(/not under way/);
    const second = (await d('datasets:uploadBegin', ['y.csv', 2])) as { uploadId: string };
    expect(await refusal('datasets:uploadChunk', [second.uploadId, 0, Buffer.from('abc').toString('base64')])).toMatch(
      /more bytes arrived than the 2 announced/,
    );
    expect(await refusal('datasets:uploadChunk', ['not-an-id', 0, ''])).toMatch(/not an upload id/);
  });
});
