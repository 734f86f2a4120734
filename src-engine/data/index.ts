// Public API of the pure data layer (no Node, Electron or DOM: also runs in a browser worker).

export type { Dataset, DataSplit, DatasetPreview, DatasetSummary, Task } from './types';
export { DatasetError, type DatasetErrorPlace } from './errors';
export { createRandom, shuffleInPlace, permutation, type Random } from './random';
export { hashArrays } from './hash';
export { makeDataset, datasetHash, shapeSize, targetSize } from './make-dataset';
export * from './generators';
export { parseCsv, looksLikeHeader, type CsvOptions } from './csv';
export { tokenizeCsv, type CsvRecords } from './csv-parse';
export { MISSING_MARKERS, type Cell } from './cells';
export { buildTableDataset } from './table';
export type { Table, TableOptions, TableImport } from './table-types';
export type { ColumnType } from './table-columns';
export { encodeIdx, encodeIdxHeader } from './idx-encode';
export {
  parseIdx,
  parseIdxPair,
  buildIdxDataset,
  bytesToUnitFloats,
  type IdxArray,
  type IdxKind,
  type IdxDatasetOptions,
} from './idx';
export { fitScaler, applyScaler, oneHot, splitDataset, takeRows } from './preprocess';
export type { Scaler, ScalerKind, SplitOptions, DatasetSplits } from './preprocess';
export {
  datasetRegistry,
  datasetSummary,
  catalogueEntry,
  isGeneratedId,
  createGeneratedDataset,
  type CatalogueEntry,
  type GeneratedOptions,
} from './catalogue';
export {
  buildIrisDataset,
  buildCarsDataset,
  buildPenguinsDataset,
  buildSeattleWeatherDataset,
  recordsToTable,
  type JsonRecord,
} from './builtin-tables';
export {
  buildMnistDataset,
  mnistOrder,
  MNIST_TOTAL,
  MNIST_TRAIN_COUNT,
  MNIST_TEST_COUNT,
  MNIST_PIXELS,
  MNIST_SIDE,
} from './builtin-mnist';
export { datasetPreview, summarize, type PreviewLimits } from './preview';
