export type { GeneratorOptions, GeneratorInfo } from './common';
export { generateCircle, circleInfo } from './circle';
export { generateXor2d, xor2dInfo } from './xor2d';
export { generateGaussian, gaussianInfo } from './gaussian';
export { generateSpiral, spiralInfo } from './spiral';
export { generateMoons, moonsInfo } from './moons';
export { generateSine, sineInfo, type SineOptions } from './sine';
export { generatePlane, planeInfo } from './plane';
export { generateGate, gateDescription, gateInputs, gateName, GATE_IDS, type GateId } from './gates';
