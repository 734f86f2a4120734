// The differentiable op library. Importing it registers every op for the gradient check.
export * from './arithmetic';
export * from './reduce';
export * from './activations';
export * from './layout';
export * from './linalg';
export * from './convolution';
export * from './gather';
export * from './fused';
export { runKernel, runInPlace } from './runKernel';
export { registeredOps, type OpSpec, type GradCheckCase } from './opRegistry';
