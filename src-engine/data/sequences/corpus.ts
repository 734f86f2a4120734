// A text corpus as sentences of word ids, ready for word2vec and the skip-gram dataset.
import { DatasetError } from '../errors';
import { buildWordVocabulary, encodeWords, tokenizeWords, type Vocabulary } from './vocabulary';

export interface Corpus {
  name: string;
  vocabulary: Vocabulary;
  /** Sentences of word ids (words below minCount dropped); contexts never cross a sentence end. */
  sentences: Int32Array[];
  /** Words in the sentences. */
  tokenCount: number;
}

export interface CorpusOptions {
  /** Words seen fewer times are dropped (default 1 for small texts, as given). */
  minCount?: number;
  /** Keep at most this many of the most frequent words. */
  maxVocabulary?: number;
}

/** Splits at . ! ? ; and blank lines; everything else is read as words (see tokenizeWords). */
export function buildCorpus(text: string, name: string, options: CorpusOptions = {}): Corpus {
  const sentences = text
    .split(/[.!?;]+|\n\s*\n/)
    .map(tokenizeWords)
    .filter((s) => s.length > 1);
  const vocabulary = buildWordVocabulary(sentences.flat(), options.minCount ?? 1, options.maxVocabulary);
  if (vocabulary.tokens.length < 2) {
    throw new DatasetError(
      `has fewer than 2 different words${options.minCount ? ` seen ${options.minCount}+ times` : ''}; word vectors need a longer text`,
      { file: name },
    );
  }
  const encoded = sentences.map((s) => encodeWords(s, vocabulary)).filter((s) => s.length > 1);
  return { name, vocabulary, sentences: encoded, tokenCount: encoded.reduce((n, s) => n + s.length, 0) };
}
