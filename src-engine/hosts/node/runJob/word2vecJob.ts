// The fast word2vec loop for the app's Word vectors panel: builds the corpus as the CLI does
// (planted: min count 1, a novel: 5), trains, and sends the most frequent words' vectors.
import { loadCorpusText } from '../datasets';
import { buildCorpus } from '../../../data/sequences';
import { trainWord2Vec } from '../../../word2vec';
import { DatasetError } from '../../../data/errors';
import type { EngineToHost, HostToEngine } from '../../../../src-shared/engineProtocol';

type Word2VecJobRequest = Extract<HostToEngine, { type: 'word2vec' }>;

/** Enough words for neighbours and a PCA map; the whole novel's table would be megabytes of JSON. */
export const MAX_SENT_WORDS = 3000;

export async function word2vecJob({ request }: Word2VecJobRequest, post: (message: EngineToHost) => void): Promise<void> {
  const small = request.corpus === 'planted';
  let text: string;
  let name: string;
  try {
    ({ text, name } = loadCorpusText(request.corpus, request.seed));
  } catch (e) {
    post({
      type: 'failed',
      message: `corpus "${request.corpus}": ${e instanceof DatasetError ? e.message : (e as Error).message}`,
    });
    return;
  }
  const corpus = buildCorpus(text, name, { minCount: small ? 1 : 5 });
  const started = performance.now();
  // The tiny planted corpus learns best with the larger starting rate the CLI uses for it.
  const result = trainWord2Vec(corpus, {
    mode: request.mode,
    objective: request.objective,
    dim: request.dim,
    window: request.window,
    epochs: request.epochs,
    seed: request.seed,
    ...(small ? { lr: 0.05 } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const sent = Math.min(MAX_SENT_WORDS, result.vectors.words.length);
  post({
    type: 'wordVectors',
    vectors: {
      corpus: corpus.name,
      vocabularySize: result.vectors.words.length,
      tokens: corpus.tokenCount,
      words: result.vectors.words.slice(0, sent),
      dim: result.vectors.dim,
      vectors: Array.from(result.vectors.vectors.subarray(0, sent * result.vectors.dim)),
      lossPerEpoch: result.lossPerEpoch,
      pairs: result.pairs,
      seconds,
    },
  });
}
