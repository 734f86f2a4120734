// Preprocessing entry point: scalers, one-hot encoding and dataset splitting.

export { fitScaler, applyScaler, oneHot, type Scaler, type ScalerKind } from './scaler';
export { splitDataset, takeRows, type SplitOptions, type DatasetSplits } from './split';
