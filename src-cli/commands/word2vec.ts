// `word2vec`: learns word vectors from a corpus and prints nearest neighbours (or JSON).
import { writeFileSync } from 'node:fs';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import { loadCorpusText } from '../../src-engine/hosts/node/datasets';
import { DatasetError } from '../../src-engine/data/errors';
import { buildCorpus, type Corpus } from '../../src-engine/data/sequences';
import { nearestNeighbours, pca2d, trainWord2Vec, type WordVectors } from '../../src-engine/word2vec';

export const WORD2VEC_USAGE =
  'word2vec [--corpus moby-dick|planted|FILE.txt] [--mode skipgram|cbow] [--objective negative|hierarchical|full]\n' +
  '           [--dim N] [--window N] [--negatives N] [--epochs N] [--lr X] [--min-count N] [--seed N]\n' +
  '           [--neighbours WORD,WORD] [--top N] [--pca N] [--save FILE] [--json]';

export const WORD2VEC_FLAGS = [
  { name: 'corpus', kind: 'string', help: 'moby-dick (default), planted (synthetic topic clusters) or a .txt file' },
  { name: 'mode', kind: 'string', help: 'skipgram (default) or cbow' },
  {
    name: 'objective',
    kind: 'string',
    help: 'negative (sampling, default), hierarchical (softmax) or full (softmax over the vocabulary, the slow baseline)',
  },
  { name: 'dim', kind: 'int', help: 'vector length (default 50; 16 for planted)' },
  { name: 'window', kind: 'int', help: 'context words on each side (default 5; 2 for planted)' },
  { name: 'negatives', kind: 'int', help: 'noise words per prediction (default 5)' },
  { name: 'epochs', kind: 'int', help: 'passes over the corpus (default 3; 5 for planted)' },
  { name: 'lr', kind: 'number', help: 'starting learning rate (default 0.025 skip-gram, 0.05 CBOW and planted)' },
  { name: 'min-count', kind: 'int', help: 'drop words seen fewer times (default 5; 1 for planted)' },
  { name: 'seed', kind: 'int', help: 'seed for initialization and sampling (default 1)' },
  { name: 'neighbours', kind: 'string', help: 'comma-separated words to list neighbours of' },
  { name: 'top', kind: 'int', help: 'neighbours per word (default 8)' },
  { name: 'pca', kind: 'int', help: 'include a 2-D PCA projection of the N most frequent words' },
  { name: 'save', kind: 'string', help: 'write the vectors in word2vec text format to FILE' },
  { name: 'json', kind: 'bool', help: 'print one JSON object' },
] as const;

function oneOf<T extends string>(flag: string, value: unknown, options: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!options.includes(value as T))
    throw new CliError(`option --${flag} must be one of ${options.join(', ')}, got "${String(value)}"`);
  return value as T;
}

export async function word2vecCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, [...WORD2VEC_FLAGS]);
  if (positional.length > 0)
    throw new CliError(`unexpected argument "${positional[0]}" (usage: ${WORD2VEC_USAGE.replace(/\s+/g, ' ')})`);
  const corpusName = (flags.corpus as string | undefined) ?? 'moby-dick';
  const mode = oneOf('mode', flags.mode, ['skipgram', 'cbow'] as const, 'skipgram');
  const objective = oneOf('objective', flags.objective, ['negative', 'hierarchical', 'full'] as const, 'negative');
  const seed = (flags.seed as number | undefined) ?? 1;
  let corpus: Corpus;
  try {
    const { text, name } = loadCorpusText(corpusName, seed);
    corpus = buildCorpus(text, name, {
      minCount: (flags['min-count'] as number | undefined) ?? (corpusName === 'planted' ? 1 : 5),
    });
  } catch (e) {
    if (e instanceof DatasetError) throw new CliError(`corpus: ${e.message}`);
    throw e;
  }
  const json = flags.json === true;
  const say = (line: string) => !json && process.stdout.write(`${line}\n`);
  say(
    `Corpus ${corpus.name}: ${corpus.vocabulary.tokens.length.toLocaleString('en')} words in the vocabulary, ${corpus.tokenCount.toLocaleString('en')} tokens in ${corpus.sentences.length.toLocaleString('en')} sentences`,
  );
  const started = Date.now();
  // The tiny planted corpus needs fewer dimensions and more (and larger) steps than a novel.
  const small = corpusName === 'planted';
  let result;
  try {
    result = trainWord2Vec(
      corpus,
      {
        mode,
        objective,
        seed,
        dim: (flags.dim as number | undefined) ?? (small ? 16 : 50),
        window: (flags.window as number | undefined) ?? (small ? 2 : 5),
        negatives: flags.negatives as number | undefined,
        epochs: (flags.epochs as number | undefined) ?? (small ? 5 : 3),
        lr: (flags.lr as number | undefined) ?? (small ? 0.05 : undefined),
      },
      (epoch, loss) => say(`epoch ${epoch}: loss ${loss.toFixed(4)} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    );
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const words = chooseWords(result.vectors, flags.neighbours as string | undefined);
  const top = (flags.top as number | undefined) ?? 8;
  const neighbours = Object.fromEntries(words.map((w) => [w, nearestNeighbours(result.vectors, w, top)]));
  if (flags.save) writeVectors(flags.save as string, result.vectors);
  const pcaCount = Math.min((flags.pca as number | undefined) ?? 0, result.vectors.words.length);
  const projection = pcaCount > 0 ? pca2d(result.vectors.vectors, pcaCount, result.vectors.dim) : undefined;
  if (json) {
    process.stdout.write(
      JSON.stringify({
        corpus: corpus.name,
        mode,
        objective,
        vocabularySize: corpus.vocabulary.tokens.length,
        tokens: corpus.tokenCount,
        lossPerEpoch: result.lossPerEpoch,
        neighbours,
        ...(projection
          ? {
              projection: {
                explained: projection.explained,
                points: projection.points.map(([x, y], i) => ({ word: result.vectors.words[i], x, y })),
              },
            }
          : {}),
      }) + '\n',
    );
    return 0;
  }
  say('Nearest neighbours (cosine similarity):');
  for (const w of words) say(`  ${w.padEnd(14)} ${neighbours[w].map((n) => `${n.word} ${n.similarity.toFixed(2)}`).join(', ')}`);
  if (projection) {
    say(
      `PCA of the ${pcaCount} most frequent words (axes explain ${(projection.explained[0] * 100).toFixed(0)}% and ${(projection.explained[1] * 100).toFixed(0)}% of the variance):`,
    );
    projection.points.forEach(([x, y], i) =>
      say(`  ${result.vectors.words[i].padEnd(14)} ${x.toFixed(3).padStart(8)} ${y.toFixed(3).padStart(8)}`),
    );
  }
  if (flags.save) say(`Saved ${result.vectors.words.length} vectors to ${flags.save as string}`);
  return 0;
}

/** The words asked for, or by default the 6 most frequent words of 4+ letters. */
function chooseWords(wv: WordVectors, asked: string | undefined): string[] {
  if (!asked) return wv.words.filter((w) => w.length >= 4).slice(0, 6);
  const words = asked
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const missing = words.filter((w) => !wv.words.includes(w));
  if (missing.length)
    throw new CliError(`not in the vocabulary: ${missing.join(', ')} (rare words are dropped; try a lower --min-count)`);
  return words;
}

/** The word2vec text format: a "count dim" line, then "word v1 v2 …" per word. */
function writeVectors(path: string, wv: WordVectors): void {
  const lines = [`${wv.words.length} ${wv.dim}`];
  wv.words.forEach((w, i) =>
    lines.push(`${w} ${Array.from(wv.vectors.subarray(i * wv.dim, (i + 1) * wv.dim), (v) => v.toPrecision(6)).join(' ')}`),
  );
  try {
    writeFileSync(path, lines.join('\n') + '\n');
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
