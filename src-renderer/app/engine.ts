// The pure engine helpers the renderer uses, in one place: registries for forms and the palette,
// the validator for live checking, and the dataset catalogue. Never import src-engine/hosts here.
export { listLayers, getLayer, type LayerDef, type LayerCategory } from '../../src-engine/layers';
export { listLosses, type LossDef } from '../../src-engine/losses';
export { listOptimizers, listSchedules } from '../../src-engine/optim';
export type { OptimizerInfo, ScheduleInfo } from '../../src-engine/optim/types';
export { listInitializers } from '../../src-engine/init';
export { batchSizeSpec, epochsSpec, scalingSpec, seedSpec, validationSpec } from '../../src-engine/train/trainingSpecs';
export type { InitializerInfo } from '../../src-engine/init/types';
export { validateGraph, type DatasetInfo, type Validation } from '../../src-engine/graph/validate';
export { formatShape, sizeOf } from '../../src-engine/core/shape';
export { validateParams, type ParamSpec, type ParamValues } from '../../src-engine/core/params';
export { CATALOGUE, catalogueEntry, type CatalogueEntry } from '../../src-engine/data/catalogue';
export type { DatasetPreview } from '../../src-engine/data/types';
