// Optimizers, learning-rate schedules and gradient preprocessing.
export type { Optimizer, OptimizerInfo, OptimizerSettings, ScheduleInfo, ScheduleSettings } from './types';
export {
  createOptimizer,
  listOptimizers,
  isOptimizer,
  checkOptimizerSettings,
  optimizerRegistry,
  registerOptimizer,
  type OptimizerDef,
} from './registry';
export { learningRateAt, listSchedules, resolveSchedule, checkSchedule, scheduleRegistry } from './schedules';
export {
  globalGradNorm,
  globalGradNormTensor,
  clipByGlobalNorm,
  applyPenalties,
  isPenaltyExempt,
  PENALTY_EXEMPT_SUFFIXES,
} from './gradients';
export { BaseOptimizer } from './baseOptimizer';
