// The sequence datasets by id: their extra options, and creating the ones that need no files.
import { DatasetError } from '../errors';
import { generateAdding, ADDING_DEFAULTS } from './adding';
import { generateSineSequence, SINE_SEQ_DEFAULTS } from './sineSeq';
import { CO2_DEFAULTS } from './co2';
import { NAMES_DEFAULTS } from './names';
import { generatePlantedCorpus } from './planted';
import { buildCorpus } from './corpus';
import type { Vocabulary } from './vocabulary';
import { buildSkipgramDataset, SKIPGRAM_DEFAULTS, type SkipgramDataset } from './skipgram';
import { buildCbowDataset, CBOW_DEFAULTS, type CbowDataset } from './cbow';
import { parseDatasetRef, rejectUnknown, resolveSequenceOptions, type OptionValues, type SequenceOptionSpec } from './options';
import type { Dataset } from '../types';

const windowOption = (fallback: number, max = 1000): SequenceOptionSpec => ({
  name: 'window',
  kind: 'int',
  description: 'Steps of history in each sample.',
  default: fallback,
  min: 1,
  max,
});

const corpusOption: SequenceOptionSpec = {
  name: 'corpus',
  kind: 'string',
  description: '"planted" (topic clusters), "moby-dick", or a .txt file.',
  default: 'planted',
};
const minCountOption: SequenceOptionSpec = {
  name: 'minCount',
  kind: 'int',
  description: 'Words seen fewer times are left out of the vocabulary.',
  default: 1,
  min: 1,
  max: 1000,
};

/** Options beyond samples, noise and seed, per sequence dataset id (for forms and `id:name=value` references). */
export const SEQUENCE_OPTIONS: Readonly<Record<string, readonly SequenceOptionSpec[]>> = {
  adding: [
    {
      name: 'length',
      kind: 'int',
      description: 'Steps per sequence: how long the first marked value must be remembered.',
      default: ADDING_DEFAULTS.length,
      min: 2,
      max: 1000,
    },
  ],
  'sine-seq': [windowOption(SINE_SEQ_DEFAULTS.window)],
  co2: [windowOption(CO2_DEFAULTS.window)],
  names: [
    windowOption(NAMES_DEFAULTS.window, 64),
    {
      name: 'list',
      kind: 'enum',
      description: 'Which first names: all, female or male.',
      default: 'all',
      options: ['all', 'female', 'male'],
    },
    { name: 'file', kind: 'string', description: 'A text file of one word per line to learn instead (optional).', default: '' },
  ],
  skipgram: [
    corpusOption,
    {
      name: 'window',
      kind: 'int',
      description: 'Words on each side that count as context.',
      default: SKIPGRAM_DEFAULTS.window,
      min: 1,
      max: 20,
    },
    {
      name: 'negatives',
      kind: 'int',
      description: 'Noise pairs per true pair.',
      default: SKIPGRAM_DEFAULTS.negatives,
      min: 1,
      max: 50,
    },
    minCountOption,
  ],
  cbow: [
    corpusOption,
    {
      name: 'window',
      kind: 'int',
      description: 'Words on each side of the centre that form its context.',
      default: CBOW_DEFAULTS.window,
      min: 1,
      max: 10,
    },
    {
      name: 'negatives',
      kind: 'int',
      description: 'Noise words per true centre.',
      default: CBOW_DEFAULTS.negatives,
      min: 1,
      max: 50,
    },
    minCountOption,
  ],
};

const COMMON = ['samples', 'noise', 'seed'];

export function isSequenceDatasetId(id: string): boolean {
  return id in SEQUENCE_OPTIONS;
}

export interface CommonOptions {
  samples?: number;
  noise?: number;
  seed?: number;
}

/**
 * Resolves a sequence dataset's options from the options object and the text options of a
 * reference (the reference wins: it is the more specific of the two).
 */
export function sequenceOptions(
  id: string,
  options: Record<string, unknown>,
  given: Record<string, string> = {},
): OptionValues & CommonOptions {
  const specs = SEQUENCE_OPTIONS[id] ?? [];
  rejectUnknown(id, given, [...COMMON, ...specs.map((s) => s.name)]);
  const merged: Record<string, string | number | undefined> = {};
  for (const spec of specs) merged[spec.name] = options[spec.name] as string | number | undefined;
  Object.assign(merged, given);
  const values: OptionValues & CommonOptions = resolveSequenceOptions(id, specs, merged);
  for (const name of COMMON) {
    const raw = given[name] ?? options[name];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new DatasetError(`${name} must be a number, got "${raw}"`, { file: id });
    values[name as keyof CommonOptions] = n;
  }
  return values;
}

export const PLANTED_CORPUS_NAME = 'planted clusters';

/** Skip-gram pairs from a corpus text (the planted one unless the Node loader read another). */
export function skipgramFromText(text: string, corpusName: string, o: OptionValues & CommonOptions): SkipgramDataset {
  const corpus = buildCorpus(text, corpusName, { minCount: o.minCount as number });
  const window = o.window as number;
  const negatives = o.negatives as number;
  return buildSkipgramDataset(corpus, { samples: o.samples, window, negatives, seed: o.seed });
}

/** CBOW context windows from a corpus text (the planted one unless the Node loader read another). */
export function cbowFromText(text: string, corpusName: string, o: OptionValues & CommonOptions): CbowDataset {
  const corpus = buildCorpus(text, corpusName, { minCount: o.minCount as number });
  return buildCbowDataset(corpus, {
    samples: o.samples,
    window: o.window as number,
    negatives: o.negatives as number,
    seed: o.seed,
  });
}

/** The datasets whose samples are word ids of a corpus (rows of Embedding tables). */
export const WORD_DATASET_IDS: readonly string[] = ['skipgram', 'cbow'];

/**
 * The word vocabulary (ids in order, with counts) of a skip-gram or CBOW dataset reference whose corpus
 * needs no file (the planted one), as the loader builds it; null for other datasets and corpora.
 * Lets a window without file access name the rows of a trained embedding table.
 */
export function inMemoryWordVocabulary(ref: string, options: Record<string, unknown> = {}): Vocabulary | null {
  const { id, given } = parseDatasetRef(ref, isSequenceDatasetId);
  if (!WORD_DATASET_IDS.includes(id)) return null;
  const o = sequenceOptions(id, options, given);
  if (o.corpus !== 'planted') return null;
  return buildCorpus(generatePlantedCorpus({ seed: o.seed }), PLANTED_CORPUS_NAME, { minCount: o.minCount as number }).vocabulary;
}

/** The sequence datasets that need no files: adding, sine-seq, and skip-gram and CBOW on the planted corpus. */
export function createSequenceDataset(id: string, options: Record<string, unknown>, given: Record<string, string> = {}): Dataset {
  const o = sequenceOptions(id, options, given);
  switch (id) {
    case 'adding':
      return generateAdding({ samples: o.samples, length: o.length as number, seed: o.seed });
    case 'sine-seq':
      return generateSineSequence({ samples: o.samples, window: o.window as number, noise: o.noise, seed: o.seed });
    case 'skipgram':
      if (o.corpus !== 'planted') {
        throw new DatasetError(
          `corpus "${o.corpus}" is read from a file; load it with the dataset loader (CLI or app), not in the browser`,
          { file: id },
        );
      }
      return skipgramFromText(generatePlantedCorpus({ seed: o.seed }), PLANTED_CORPUS_NAME, o);
    case 'cbow':
      if (o.corpus !== 'planted') {
        throw new DatasetError(
          `corpus "${o.corpus}" is read from a file; load it with the dataset loader (CLI or app), not in the browser`,
          { file: id },
        );
      }
      return cbowFromText(generatePlantedCorpus({ seed: o.seed }), PLANTED_CORPUS_NAME, o);
    default:
      throw new DatasetError(`"${id}" is read from files; load it with the dataset loader`, { file: id });
  }
}
