// Hyperparameter search: where settings live in a graph, how trials are drawn and applied, and
// successive halving. Shared by the CLI, the sweeps service and the app's sweep builder.
export { resolvePath, readPath, shortLabel, SearchPathError, REPEAT } from './paths';
export { sampleTrials, randomTrials, gridTrials, trialCount, drawValue, describeAssignment, SearchSpaceError } from './sample';
export { applyAssignment, checkTrial } from './applyTrial';
export { parseParamText, parseSearchParams, ParamTextError } from './paramText';
export { SuccessiveHalving, halvingBudget, largestEpochs, quantile, type HalvingDecision } from './halving';
export { planSearch, type PlannedTrial } from './plan';
