// The sequence datasets: what each sample holds, options in the id, and errors that name the option.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { DatasetError } from '../../../src-engine/data/errors';
import {
  ADDING_BASELINE_MSE,
  buildCo2Dataset,
  buildCorpus,
  buildNamesDataset,
  cleanNames,
  meanBaselineMse,
  parseCo2Csv,
  PLANTED_CLUSTERS,
  generatePlantedCorpus,
  type Co2Dataset,
  type NamesDataset,
  type SkipgramDataset,
} from '../../../src-engine/data/sequences';
import { loadDataset } from '../../../src-engine/hosts/node/datasets';
import { sequencePreview } from '../../../src-engine/data/sequences';

describe('adding problem', () => {
  const ds = createGeneratedDataset('adding:length=20', { samples: 500, seed: 3 });

  it('holds [length, 2] sequences with exactly two marks, one in each half, and their sum as the target', () => {
    expect([ds.inputShape, ds.count, ds.task]).toEqual([[20, 2], 500, 'regression']);
    for (let s = 0; s < ds.count; s++) {
      const marks: number[] = [];
      let sum = 0;
      for (let t = 0; t < 20; t++) {
        const value = ds.x[(s * 20 + t) * 2];
        expect(value >= 0 && value < 1).toBe(true);
        if (ds.x[(s * 20 + t) * 2 + 1] === 1) {
          marks.push(t);
          sum += value;
        }
      }
      expect(marks.length).toBe(2);
      expect(marks[0]).toBeLessThan(10);
      expect(marks[1]).toBeGreaterThanOrEqual(10);
      expect(ds.y[s]).toBeCloseTo(sum, 5);
    }
  });

  it('guessing the mean scores about 1/6, the documented baseline', () => {
    const big = createGeneratedDataset('adding', { samples: 20000, seed: 1 });
    expect(big.inputShape).toEqual([50, 2]);
    expect(meanBaselineMse(big.y)).toBeCloseTo(ADDING_BASELINE_MSE, 2);
  });

  it('is reproducible from its seed and refuses a bad length, naming it', () => {
    expect(createGeneratedDataset('adding', { samples: 50, seed: 4 }).hash).toBe(
      createGeneratedDataset('adding', { samples: 50, seed: 4 }).hash,
    );
    expect(() => createGeneratedDataset('adding:length=1')).toThrow(
      /^adding: length must be a whole number from 2 to 1000, got 1/,
    );
    expect(() => createGeneratedDataset('adding:lenght=10')).toThrow(
      /^adding: has no option "lenght" \(options: samples, noise, seed, length\)/,
    );
    expect(() => createGeneratedDataset('spiral:samples=10')).toThrow(/takes no options in its id/);
  });
});

describe('sine forecast', () => {
  it("targets continue the window's sine wave", () => {
    const ds = createGeneratedDataset('sine-seq:window=12', { samples: 200, noise: 0, seed: 2 });
    expect(ds.inputShape).toEqual([12, 1]);
    for (let s = 0; s < 20; s++) {
      const w = Array.from(ds.x.subarray(s * 12, s * 12 + 12));
      // A noise-free sine obeys x[t+1] = 2cos(ω)·x[t] − x[t−1]: recover 2cos(ω) and extrapolate.
      const k = (w[2] + w[0]) / w[1];
      expect(ds.y[s]).toBeCloseTo(k * w[11] - w[10], 3);
    }
  });
});

describe('CO₂ (vega-datasets)', () => {
  const csv = 'Date,CO2,adjusted CO2\n2000-01-01,10,0\n2000-02-01,12,0\n2000-04-01,16,0\n';

  it('fills missing months by linear interpolation', () => {
    expect(parseCo2Csv(csv)).toEqual({ values: [10, 12, 14, 16], firstMonth: '2000-01' });
    expect(() => parseCo2Csv('Date,CO2\n2000-01-01,x\n')).toThrow(
      /co2-concentration.csv line 2: expected a date and a CO2 value/,
    );
  });

  it('keeps the last five years as a fixed test split, standardized with the training part only', async () => {
    const ds = (await loadDataset('co2')) as Co2Dataset;
    expect([ds.inputShape, ds.count, ds.test?.count, ds.firstMonth]).toEqual([[24, 1], 662, 60, '1958-03']);
    // The last test target is April 2020 (416.18 ppm); the first sample starts in March 1958 (315.70).
    expect(ds.test!.y[59] * ds.scale.std + ds.scale.mean).toBeCloseTo(416.18, 2);
    expect(ds.x[0] * ds.scale.std + ds.scale.mean).toBeCloseTo(315.7, 2);
    const train = Array.from(ds.y);
    expect(Math.max(...train)).toBeLessThan(Math.min(...Array.from(ds.test!.y)) + 1);
    expect(
      buildCo2Dataset(readFileSync(join('node_modules/vega-datasets/data/co2-concentration.csv'), 'utf8'), { window: 12 })
        .inputShape,
    ).toEqual([12, 1]);
  });
});

describe('first names, character by character', () => {
  it('windows of previous characters predict the next, "." before the start and at the end', () => {
    const ds = buildNamesDataset(cleanNames(['Ann\nbo\n\nANN']), { window: 3 });
    expect(ds.vocabulary).toEqual(['.', 'a', 'b', 'n', 'o']);
    expect(ds.classNames).toEqual(ds.vocabulary);
    expect(ds.count).toBe(4 + 3);
    const rows = Array.from(
      { length: ds.count },
      (_, r) =>
        Array.from(ds.x.subarray(r * 3, r * 3 + 3))
          .map((i) => ds.vocabulary[i])
          .join('') +
        '→' +
        ds.vocabulary[ds.y[r]],
    );
    expect(rows.sort()).toEqual(['...→a', '...→b', '..a→n', '..b→o', '.an→n', '.bo→.', 'ann→.'].sort());
  });

  it('loads both @stdlib lists (or one), with options in the id', async () => {
    const all = (await loadDataset('names')) as NamesDataset;
    expect([all.inputShape, all.count, all.classNames?.length]).toEqual([[8], 59167, 28]);
    const male = (await loadDataset('names:list=male,window=4,samples=1000')) as NamesDataset;
    expect([male.inputShape, male.count, male.vocabulary.includes('-')]).toEqual([[4], 1000, false]);
    await expect(loadDataset('names:list=other')).rejects.toThrow(/names: list must be one of all, female, male, got "other"/);
  });
});

describe('skip-gram pairs', () => {
  it('true pairs occur within the window in the corpus; noise pairs follow each, as many as asked', async () => {
    const ds = (await loadDataset('skipgram:window=1,negatives=3', { samples: 4000, seed: 5 })) as SkipgramDataset;
    expect([ds.inputShape, ds.count, ds.classNames]).toEqual([[2], 4000, ['noise', 'context']]);
    const positives = Array.from(ds.y).filter((y) => y === 1).length;
    expect(positives).toBe(1000);
    // Every true pair is adjacent somewhere in the planted corpus (window 1).
    const corpus = buildCorpus(generatePlantedCorpus({ seed: 5 }), 'planted');
    const adjacent = new Set<string>();
    for (const s of corpus.sentences)
      for (let i = 1; i < s.length; i++) adjacent.add(`${s[i - 1]},${s[i]}`).add(`${s[i]},${s[i - 1]}`);
    for (let r = 0; r < ds.count; r++) if (ds.y[r] === 1) expect(adjacent.has(`${ds.x[2 * r]},${ds.x[2 * r + 1]}`)).toBe(true);
    expect(ds.vocabulary).toEqual(corpus.vocabulary.tokens);
    expect(ds.vocabulary).toEqual(expect.arrayContaining([...PLANTED_CLUSTERS.animals, 'the']));
  });

  it('reads Moby-Dick or a text file as the corpus; a missing file is named', async () => {
    const moby = (await loadDataset('skipgram:corpus=moby-dick', { samples: 500 })) as SkipgramDataset;
    expect(moby.vocabulary.slice(0, 3)).toEqual(['the', 'of', 'and']);
    const error = await loadDataset('skipgram:corpus=/nowhere/text.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toBe('/nowhere/text.txt: file not found');
  });
});

describe('sequence previews', () => {
  it('show windows as text, pairs by word and numeric sequences as series', async () => {
    const names = buildNamesDataset(['bo'], { window: 3 });
    expect(sequencePreview(names)).toEqual({
      kind: 'tokens',
      rows: [
        { context: '', next: 'b' },
        { context: 'b', next: 'o' },
        { context: 'bo', next: '.' },
      ],
    });
    const pairs = sequencePreview((await loadDataset('skipgram', { samples: 10 })) as SkipgramDataset, 2);
    expect(pairs?.kind).toBe('pairs');
    if (pairs?.kind === 'pairs') expect(pairs.rows.map((r) => r.label)).toEqual(['context', 'noise']);
    const adding = createGeneratedDataset('adding:length=4', { samples: 3 });
    const series = sequencePreview(adding, 1);
    expect(series).toEqual({
      kind: 'series',
      features: 2,
      rows: [{ steps: [0, 1, 2, 3].map((t) => [adding.x[2 * t], adding.x[2 * t + 1]]), target: adding.y[0] }],
    });
    expect(sequencePreview(createGeneratedDataset('xor'))).toBeNull();
  });
});
