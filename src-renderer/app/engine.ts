// The pure engine helpers the renderer uses, in one place: registries for forms and the palette,
// the validator for live checking, and the dataset catalogue. Never import src-engine/hosts here.
export { listLayers, getLayer, LAYER_CATEGORIES, type LayerDef, type LayerCategory } from '../../src-engine';
export { listLosses, type LossDef } from '../../src-engine';
export { listOptimizers, listSchedules } from '../../src-engine';
export type { OptimizerInfo, ScheduleInfo } from '../../src-engine';
export { listInitializers } from '../../src-engine';
export { batchSizeSpec, epochsSpec, outputWeightSpec, scalingSpec, seedSpec, testSpec, validationSpec } from '../../src-engine';
export type { InitializerInfo } from '../../src-engine';
export { validateGraph, inferShapes, type DatasetInfo, type Validation } from '../../src-engine';
export { deadEnds, metricsFor, targetColumnsOf } from '../../src-engine';
export { formatShape, sizeOf } from '../../src-engine';
export { validateParams, paramApplies, type ParamSpec, type ParamValues } from '../../src-engine';
export { datasetRegistry, datasetSummary, catalogueEntry, type CatalogueEntry } from '../../src-engine';
export type { DatasetPreview } from '../../src-engine';
export { planeFeatures, planeFeatureShape, isPlane, type PlaneFeatureInfo } from '../../src-engine';
