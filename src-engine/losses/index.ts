import './builtin';
export { getLoss, listLosses, registerLoss, type LossDef } from './registry';
