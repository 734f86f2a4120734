// The command line: the `word2vec` command, and the sequence examples training with their defaults.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import '../setup';
import { word2vecCommand } from '../../../src-cli/commands/word2vec';
import { CliError } from '../../../src-cli/errors';
import { loadDataset } from '../../../src-engine/hosts/node/datasets';
import { validateGraph } from '../../../src-engine/graph/validate';
import { datasetInfo } from '../../../src-engine/train/prepareRun';
import { plantedClusterOf } from '../../../src-engine/data/sequences';
import { describeIssue, type GraphDoc } from '../../../src-shared/graphFormat';
import { runCli } from '../../cli/runCli';

const temp = mkdtempSync(join(tmpdir(), 'layerlab-seq-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function word2vec(args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  await word2vecCommand(args);
  vi.restoreAllMocks();
  return out;
}

describe('word2vec command', () => {
  it("trains on the planted corpus and lists each topic word's neighbours from its own topic", async () => {
    const out = await word2vec(['--corpus', 'planted', '--neighbours', 'cat,red,hammer', '--top', '4', '--pca', '10', '--json']);
    const result = JSON.parse(out) as {
      vocabularySize: number;
      lossPerEpoch: number[];
      neighbours: Record<string, Array<{ word: string }>>;
      projection: { points: unknown[] };
    };
    expect(result.vocabularySize).toBe(38);
    expect(result.lossPerEpoch).toHaveLength(5);
    for (const [word, list] of Object.entries(result.neighbours)) {
      expect(list.map((n) => plantedClusterOf(n.word))).toEqual(new Array(4).fill(plantedClusterOf(word)));
    }
    expect(result.projection.points).toHaveLength(10);
  });

  it('prints a readable report and saves vectors in word2vec text format', async () => {
    const file = join(temp, 'vectors.txt');
    const out = await word2vec(['--corpus', 'planted', '--mode', 'cbow', '--epochs', '2', '--save', file]);
    expect(out).toMatch(/^Corpus planted clusters: 38 words in the vocabulary/);
    expect(out).toMatch(/epoch 2: loss \d\.\d{4}/);
    expect(out).toMatch(/Nearest neighbours \(cosine similarity\):/);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('38 16');
    expect(lines[1].split(' ')).toHaveLength(17);
  });

  it('trains with the full softmax as the third objective', async () => {
    const result = JSON.parse(await word2vec(['--corpus', 'planted', '--objective', 'full', '--epochs', '2', '--json'])) as {
      objective: string;
      lossPerEpoch: number[];
    };
    expect(result.objective).toBe('full');
    expect(result.lossPerEpoch[1]).toBeLessThan(result.lossPerEpoch[0]);
    await expect(word2vec(['--objective', 'sampled'])).rejects.toThrow(
      new CliError('option --objective must be one of negative, hierarchical, full, got "sampled"'),
    );
  });

  it('refuses bad options and unknown words in plain words', async () => {
    await expect(word2vec(['--mode', 'glove'])).rejects.toThrow(
      new CliError('option --mode must be one of skipgram, cbow, got "glove"'),
    );
    await expect(word2vec(['--corpus', 'planted', '--neighbours', 'unicorn'])).rejects.toThrow(/not in the vocabulary: unicorn/);
    await expect(word2vec(['--corpus', join(temp, 'missing.txt')])).rejects.toThrow(/^corpus: .*missing.txt: file not found$/);
  });
});

describe('sequence examples', () => {
  const examples = ['char-lstm', 'adding-lstm', 'adding-rnn', 'skipgram', 'cbow'];

  it('each validates against its dataset', async () => {
    for (const name of examples) {
      const doc = JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')) as GraphDoc;
      const ds = await loadDataset(doc.training.dataset, { samples: doc.training.datasetOptions?.samples });
      const v = validateGraph(doc, datasetInfo(ds));
      expect(v.ok ? [] : v.issues.map(describeIssue), name).toEqual([]);
    }
  });

  it('skipgram.json trains from the CLI with its defaults', async () => {
    const r = await runCli(['train', 'examples/skipgram.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const done = JSON.parse(r.stdout.trim().split('\n').pop()!) as { status: string; finalValAcc: number };
    expect(done.status).toBe('completed');
    expect(done.finalValAcc).toBeGreaterThan(0.82);
  });
});
