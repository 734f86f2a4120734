// Node host for datasets: built-in ids, CSV files, IDX files (may use node:fs etc.).

export {
  loadDataset,
  loadDatasetDetailed,
  listDatasets,
  type LoadDatasetOptions,
  type LoadResult,
  type DatasetSource,
} from './load-dataset';
export { loadMnist, defaultMnistCacheDir, type MnistLoad } from './mnist';
export { loadIdxFiles, idxPathsInFolder, type IdxPaths } from './idx-files';
export { loadCsvFile, type CsvFileOptions } from './csv-file';
export { loadNames, loadCo2, loadSkipgram, loadCorpusText } from './sequence-files';
