// Benchmark: word2vec's three objectives on the same corpus and settings, as time per training
// prediction (centre/context pair) beside the operation count that explains it: the full softmax
// touches all V output rows, hierarchical softmax about log₂ V, negative sampling k + 1.
// Run: npm run bench -- --only word2vec   (or npx tsx bench/word2vec.ts)
import { pathToFileURL } from 'node:url';
import { loadCorpusText } from '../src-engine/hosts/node/datasets';
import { buildCorpus } from '../src-engine/data/sequences';
import { costPerPair, trainWord2Vec, type Word2VecObjective } from '../src-engine/word2vec';

export interface Word2VecBenchRow {
  objective: Word2VecObjective;
  vocabulary: number;
  dim: number;
  pairs: number;
  seconds: number;
  microsecondsPerPair: number;
  rowsPerPair: number;
  multiplyAddsPerPair: number;
}

const DIM = 50;
const NEGATIVES = 5;

/** One epoch of skip-gram on the first `tokens` words of Moby-Dick (min count 5) per objective. */
export function runWord2VecBench(tokens = 20_000): Word2VecBenchRow[] {
  const { text, name } = loadCorpusText('moby-dick');
  const words = text.split(/\s+/);
  const corpus = buildCorpus(words.slice(0, tokens).join(' '), name, { minCount: 5 });
  const counts = corpus.vocabulary.counts;
  return (['negative', 'hierarchical', 'full'] as const).map((objective) => {
    const started = performance.now();
    const result = trainWord2Vec(corpus, { objective, dim: DIM, negatives: NEGATIVES, epochs: 1, seed: 1 });
    const seconds = (performance.now() - started) / 1000;
    const cost = costPerPair(objective, counts, DIM, NEGATIVES);
    return {
      objective,
      vocabulary: counts.length,
      dim: DIM,
      pairs: result.pairs,
      seconds,
      microsecondsPerPair: (seconds * 1e6) / result.pairs,
      rowsPerPair: cost.rows,
      multiplyAddsPerPair: cost.multiplyAdds,
    };
  });
}

export function printWord2VecBench(rows: Word2VecBenchRow[], out: (line: string) => void = console.log): void {
  if (rows.length === 0) return;
  out(`skip-gram, one epoch, vocabulary ${rows[0].vocabulary} words, d = ${rows[0].dim}, k = ${NEGATIVES} noise words`);
  out('objective      pairs     µs/pair  rows/pair  multiply-adds/pair');
  const negative = rows.find((r) => r.objective === 'negative');
  for (const r of rows) {
    const ratio = negative ? ` (${(r.microsecondsPerPair / negative.microsecondsPerPair).toFixed(1)}× negative)` : '';
    out(
      `${r.objective.padEnd(13)} ${String(r.pairs).padStart(7)} ${r.microsecondsPerPair.toFixed(2).padStart(10)} ${r.rowsPerPair.toFixed(1).padStart(10)} ${Math.round(r.multiplyAddsPerPair).toLocaleString('en').padStart(19)}${ratio}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printWord2VecBench(runWord2VecBench());
