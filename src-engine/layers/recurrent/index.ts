// Importing this registers the recurrent layers and their sequence helpers.
import './simpleRnn';
import './lstm';
import './gru';
import './sliceSteps';
import './dot';

export { isRecurrentInstance, type RecurrentInstance } from './define';
export type { StepSeries } from './unroll';
export { recurrentTrace, lstmTrace, type RecurrentTrace, type LstmTrace } from './trace';
export { sampleSequences, type SampleOptions } from './sampleText';
