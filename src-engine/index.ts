// The engine's public surface: pure TypeScript, no Node, Electron or DOM imports.
export * from './core/shape';
export { Rng } from './core/rng';
export { Tensor, tensor, zeros, scalar, parameter } from './core/tensor';
export { setBackend, getBackend, withBackend, type Backend, type FloatArray } from './core/backend';
export { backward, noGrad } from './core/autograd';
export { gradCheck, type GradCheckResult } from './core/gradcheck';
export { validateParams, type ParamSpec, type ParamValues } from './core/params';
export * as ops from './ops';
export { listLayers, getLayer, type LayerDef } from './layers';
export { listLosses, getLoss, type LossDef } from './losses';
export { listOptimizers, createOptimizer, listSchedules, type Optimizer, type OptimizerSettings } from './optim';
export { listInitializers, initialValues } from './init';
export { validateGraph, type DatasetInfo, type Validation, type ValidatedGraph } from './graph/validate';
export { Model } from './graph/model';
export { train, evaluate, type TrainSetup, type TrainControl } from './train/trainer';
export { prepareRun, datasetInfo, type PreparedRun } from './train/prepareRun';
export { CpuBackend, registerCpuKernels } from './kernels/cpu';
export { createGeneratedDataset, isGeneratedId } from './data/catalogue';
export {
  listBuiltinLessons, getBuiltinLesson, parseLesson, planLessonRuns, evaluateLesson, lessonNeeds, lessonRunFromStored,
  lessonLayerGradError, LESSON_LAYERS, type LessonRun, type LessonRunPlan,
} from './lessons';
