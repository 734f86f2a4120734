import './builtin';
export { getLoss, listLosses, registerLoss, lossRegistry, withLossOptions, type LossDef } from './registry';
