// CBOW as a graph: the `cbow` dataset (context windows → candidate centre word, with negative
// sampling), examples/cbow.json trained by the normal trainer clustering the planted topics, and
// what the app reads of it (vocabulary without the loader, the preview with words by name).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../setup';
import {
  buildCorpus,
  cbowFeatureNames,
  createSequenceDataset,
  generatePlantedCorpus,
  inMemoryWordVocabulary,
  plantedClusterOf,
  sequencePreview,
  type CbowDataset,
} from '../../../src-engine/data/sequences';
import { catalogueEntry } from '../../../src-engine/data/catalogue';
import { loadDataset } from '../../../src-engine/hosts/node/datasets';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import { validateGraph } from '../../../src-engine/graph/validate';
import { embeddingVectors, nearestNeighbours } from '../../../src-engine/word2vec';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import { clusterMargins } from './clusters';

const temp = mkdtempSync(join(tmpdir(), 'layerlab-cbow-'));

describe('the cbow dataset', () => {
  it('holds the words around a real centre, then the centre (1) or noise words (0)', async () => {
    const ds = (await loadDataset('cbow:window=1,negatives=3', { samples: 4000, seed: 5 })) as CbowDataset;
    expect(ds.inputShape).toEqual([3]);
    expect(ds.contextWindow).toBe(1);
    expect(ds.featureNames).toEqual(['−1', '+1', 'candidate']);
    expect(ds.classNames).toEqual(['noise', 'centre']);
    const corpus = buildCorpus(generatePlantedCorpus({ seed: 5 }), 'planted');
    expect(ds.vocabulary).toEqual(corpus.vocabulary.tokens);
    const triples = new Set<string>();
    for (const s of corpus.sentences) for (let i = 1; i + 1 < s.length; i++) triples.add(`${s[i - 1]} ${s[i]} ${s[i + 1]}`);
    let positives = 0;
    let lastTrue: number[] = [];
    for (let r = 0; r < ds.count; r++) {
      const [before, after, candidate] = Array.from(ds.x.subarray(r * 3, r * 3 + 3));
      expect(Number.isInteger(candidate) && candidate >= 0 && candidate < ds.vocabulary.length).toBe(true);
      if (ds.y[r] === 1) {
        // A true sample is a window that occurs in the corpus, centre included.
        expect(triples.has(`${before} ${candidate} ${after}`)).toBe(true);
        lastTrue = [before, after, candidate];
        positives++;
      } else {
        // Its noise samples share its context and never repeat its centre.
        expect([before, after]).toEqual(lastTrue.slice(0, 2));
        expect(candidate).not.toBe(lastTrue[2]);
      }
    }
    expect(positives).toBe(1000);
  });

  it('is the same in the browser (generated) and from the loader, and its catalogue entry matches', async () => {
    const loaded = await loadDataset('cbow', { samples: 300, seed: 2 });
    const generated = createSequenceDataset('cbow', { samples: 300, seed: 2 });
    expect(Array.from(generated.x)).toEqual(Array.from(loaded.x));
    const entry = catalogueEntry('cbow')!;
    expect(entry.inputShape).toEqual(loaded.inputShape);
    expect(entry.classNames).toEqual(loaded.classNames);
    expect(cbowFeatureNames(3)).toEqual(['−3', '−2', '−1', '+1', '+2', '+3', 'candidate']);
  });

  it('reads corpora from files, and says in plain words what is wrong', async () => {
    const file = join(temp, 'fables.txt');
    writeFileSync(
      file,
      'The fox saw the crow in the tall tree. The crow held the cheese in her beak. The fox spoke to the crow.',
    );
    const ds = (await loadDataset(`cbow:corpus=${file}`, { samples: 200 })) as CbowDataset;
    expect(ds.vocabulary.slice(0, 3)).toEqual(['the', 'crow', 'fox']);
    expect(ds.name).toBe(`CBOW context windows (${file})`);
    await expect(loadDataset(`cbow:corpus=${file},window=6`)).rejects.toThrow(/has no sentence of 13 or more words/);
    await expect(loadDataset('cbow:window=0')).rejects.toThrow(/window must be a whole number from 1 to 10, got 0/);
    await expect(loadDataset('cbow:widow=2')).rejects.toThrow(/has no option "widow"/);
    expect(() => createSequenceDataset('cbow', {}, { corpus: 'moby-dick' })).toThrow(
      /read from a file; load it with the dataset loader/,
    );
    const moby = (await loadDataset('cbow:corpus=moby-dick,minCount=5', { samples: 500 })) as CbowDataset;
    expect(moby.vocabulary.length).toBeGreaterThan(3000);
    expect(moby.vocabulary).toContain('whale');
  });

  it('names its words without the loader (planted corpus), and previews samples by word', async () => {
    const loaded = (await loadDataset('cbow:minCount=500', { samples: 100, seed: 3 })) as CbowDataset;
    expect(inMemoryWordVocabulary('cbow:minCount=500', { seed: 3 })?.tokens).toEqual(loaded.vocabulary);
    expect(inMemoryWordVocabulary('cbow:corpus=moby-dick')).toBeNull();
    const preview = sequencePreview(loaded, 2);
    if (preview?.kind !== 'contexts') throw new Error(`expected a contexts preview, got ${preview?.kind}`);
    expect(preview.window).toBe(2);
    expect(preview.vocabulary).toEqual(loaded.vocabulary);
    const [first] = preview.rows;
    expect([...first.before, ...first.after, first.candidate]).toEqual(
      Array.from(loaded.x.subarray(0, 5), (id) => loaded.vocabulary[id]),
    );
    expect(first.label).toBe(loaded.classNames![loaded.y[0]]);
  });
});

describe('CBOW as a graph (examples/cbow.json) trained by the normal trainer', () => {
  it("validates, and its context Embedding puts each topic's words nearer each other than any other topic's", async () => {
    const doc = JSON.parse(readFileSync('examples/cbow.json', 'utf8')) as GraphDoc;
    const ds = (await loadDataset(doc.training.dataset, { seed: doc.training.seed, samples: 15000 })) as CbowDataset;
    const v = validateGraph(doc, { task: ds.task, inputShape: ds.inputShape, targetShape: ds.targetShape, classCount: 2 });
    expect(v.ok ? [] : v.issues).toEqual([]);
    const prepared = prepareRun({ ...doc, training: { ...doc.training, epochs: 4 } }, ds);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const done = await train(prepared.run.setup, () => {});
    // 4 noise samples per true one: always answering "noise" scores 80%.
    expect(done.finalValAcc!).toBeGreaterThan(0.81);
    const context = embeddingVectors(prepared.run.model, 'context', ds.vocabulary);
    const m = clusterMargins(context);
    expect(m.worstMargin).toBeGreaterThan(0);
    expect(m.meanSame - m.meanOther).toBeGreaterThan(0.4);
    expect(nearestNeighbours(context, 'cat', 5).map((n) => plantedClusterOf(n.word))).toEqual(new Array(5).fill('animals'));
    // The candidate table learns the same topics from the other side.
    expect(clusterMargins(embeddingVectors(prepared.run.model, 'candidate', ds.vocabulary)).meanSame).toBeGreaterThan(
      m.meanOther + 0.3,
    );
  });
});
