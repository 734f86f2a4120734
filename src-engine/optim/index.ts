// Optimizers, learning-rate schedules and gradient preprocessing.
export type { Optimizer, OptimizerInfo, OptimizerSettings, ScheduleInfo, ScheduleSettings } from './types';
export { createOptimizer, listOptimizers, isOptimizer, checkOptimizerSettings } from './registry';
export { learningRateAt, listSchedules, resolveSchedule, checkSchedule } from './schedules';
export { globalGradNorm, globalGradNormTensor, clipByGlobalNorm, applyPenalties, isPenaltyExempt, PENALTY_EXEMPT_SUFFIXES } from './gradients';
export { BaseOptimizer } from './baseOptimizer';
