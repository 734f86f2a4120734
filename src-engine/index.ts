// The engine's public surface: pure TypeScript, no Node, Electron or DOM imports.
export * from './core/shape';
export { Rng } from './core/rng';
export { Tensor, tensor, zeros, scalar, parameter } from './core/tensor';
export { setBackend, getBackend, withBackend, type Backend, type FloatArray } from './core/backend';
export { backward, noGrad } from './core/autograd';
export { gradCheck, type GradCheckResult } from './core/gradcheck';
export { validateParams, paramApplies, type ParamSpec, type ParamValues } from './core/params';
export * as ops from './ops';
export { listLayers, getLayer, type LayerDef } from './layers';
export { listLosses, getLoss, type LossDef } from './losses';
export { listOptimizers, createOptimizer, listSchedules, type Optimizer, type OptimizerSettings } from './optim';
export { listInitializers, initialValues } from './init';
export { validateGraph, type DatasetInfo, type Validation, type ValidatedGraph, type ValidateOptions } from './graph/validate';
export { inferShapes } from './graph/shapes';
export { deadEnds } from './graph/structure';
export { metricsFor, targetColumnsOf } from './graph/outputs';
export { InferenceSession, loadModelState, type LoadedModel } from './train/inferenceSession';
export { Model } from './graph/model';
export { train, evaluate, type TrainSetup, type TrainControl } from './train/trainer';
export { prepareRun, datasetInfo, type PreparedRun } from './train/prepareRun';
export { splitDataset } from './data/split';
export { fitScaler, applyScaler, type Scaler, type ScalerKind } from './data/scaler';
export { detectWarnings, WARNING_LIMITS, type TrainingWarning, type WarningKind, type WarningInput } from './analysis/warnings';
export { CpuBackend, registerCpuKernels } from './kernels/cpu';

// What the renderer uses (it imports the engine only through this file; see eslint.config.js).
export { type LayerCategory, LAYER_CATEGORIES, type LayerCategoryInfo } from './layers';
export { type OptimizerInfo, type ScheduleInfo } from './optim/types';
export {
  batchSizeSpec,
  epochsSpec,
  outputWeightSpec,
  scalingSpec,
  seedSpec,
  testSpec,
  validationSpec,
} from './train/trainingSpecs';
export { type InitializerInfo } from './init/types';
export { datasetRegistry, datasetSummary, catalogueEntry, type CatalogueEntry, createGeneratedDataset } from './data/catalogue';
export { type DatasetPreview } from './data/types';
export { datasetPreview, summarize } from './data/preview';
export { withSequencePreview, type SequencePreview } from './data/sequences/preview';
export { ShapeError } from './layers/types';
export { isInitializer } from './init';
export { type InitLabRow, activationVarianceByInitializer } from './analysis/initLab';
export { SURFACES, trajectory, type TrajectoryPoint, surfaceGrid, getSurface } from './analysis/optimizerLab';
export { inMemoryWordVocabulary } from './data/sequences/datasets';
export { nearestNeighbours, type Neighbour, type WordVectors } from './word2vec/vectors';
export { pca2d, type Projection } from './word2vec/pca';
export { sampleSequences } from './layers/recurrent/sampleText';
export { recurrentTrace } from './layers/recurrent/trace';
export { generateAdding } from './data/sequences/adding';
export { checkpointVectors } from './word2vec/fromCheckpoint';
export {
  parseSearchParams,
  parseParamText,
  trialCount,
  readPath,
  shortLabel,
  describeAssignment,
  largestEpochs,
  ParamTextError,
} from './search';
export { isGeneratedId } from './data/catalogue';
export { planeFeatures, planeFeatureShape, isPlane, type PlaneFeatureInfo } from './data/planeFeatures';
export {
  listBuiltinLessons,
  getBuiltinLesson,
  parseLesson,
  planLessonRuns,
  evaluateLesson,
  lessonNeeds,
  lessonRunFromStored,
  lessonLayerGradError,
  LESSON_LAYERS,
  lessonViews,
  lessonInsightRequest,
  lessonWords,
  activationHistograms,
  runBoundary,
  type BoundaryGrid,
  type LessonRun,
  type LessonRunPlan,
} from './lessons';
