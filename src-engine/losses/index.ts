import './builtin';
export { getLoss, listLosses, registerLoss, lossRegistry, type LossDef } from './registry';
