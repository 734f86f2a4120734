// Sequence datasets (pure code): the adding problem, sine and CO₂ forecasting, character-level
// names, and text corpora for word vectors (skip-gram pairs, CBOW context windows).
export { generateAdding, ADDING_BASELINE_MSE, ADDING_DEFAULTS, ADDING_DESCRIPTION, type AddingOptions } from './adding';
export { generateSineSequence, SINE_SEQ_DEFAULTS, SINE_SEQ_DESCRIPTION, type SineSeqOptions } from './sineSeq';
export { buildCo2Dataset, parseCo2Csv, CO2_DEFAULTS, CO2_DESCRIPTION, CO2_FILE, CO2_TEST_MONTHS, type Co2Dataset } from './co2';
export {
  buildNamesDataset,
  cleanNames,
  unigramCrossEntropy,
  BOUNDARY,
  NAMES_DEFAULTS,
  NAMES_DESCRIPTION,
  type NamesDataset,
  type NamesOptions,
} from './names';
export { generatePlantedCorpus, plantedClusterOf, PLANTED_CLUSTERS, PLANTED_FILLERS } from './planted';
export { buildCorpus, type Corpus, type CorpusOptions } from './corpus';
export { buildWordVocabulary, tokenizeWords, encodeWords, makeVocabulary, type Vocabulary } from './vocabulary';
export { NoiseSampler, keepProbabilities } from './noise';
export {
  buildSkipgramDataset,
  skipgramDescription,
  SKIPGRAM_DEFAULTS,
  type SkipgramDataset,
  type SkipgramOptions,
} from './skipgram';
export { buildCbowDataset, cbowDescription, cbowFeatureNames, CBOW_DEFAULTS, type CbowDataset, type CbowOptions } from './cbow';
export { meanBaselineMse } from './common';
export { parseDatasetRef, type DatasetRef, type SequenceOptionSpec, type SequenceOptions } from './options';
export {
  SEQUENCE_OPTIONS,
  createSequenceDataset,
  inMemoryWordVocabulary,
  isSequenceDatasetId,
  sequenceOptions,
  skipgramFromText,
  cbowFromText,
  PLANTED_CORPUS_NAME,
  WORD_DATASET_IDS,
} from './datasets';
export { sequencePreview, withSequencePreview, type SequencePreview, type PreviewWithSequence } from './preview';
