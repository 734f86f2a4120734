// The LSTM and GRU over a whole sequence, one kernel call each way: a call takes rows [start, end)
// of the batch through every step (the recurrence never mixes rows), so threads split the batch
// once per sequence instead of forking and joining per step. Per step: the rows' h·U (U packed
// once per call by packB) with the GEMM's own strip packing and register tiles (kernels/gemm.ts),
// then the gate math of kernels/recurrent.ts. Each output element is computed by the same code
// in the same order whatever the split, so results are identical for any thread count; chunk
// boundaries must be multiples of the GEMM's strip (the packed A strips are indexed by row).
import type { EncodedFunction } from '../emit/encoding';
import { stripRows, type Shape } from './gemm';
import { gruSequenceFunctions } from './gruSequence';
import { lstmSequenceFunctions } from './lstmSequence';

export function recurrentSequenceFunctions(options: { fma: boolean }): EncodedFunction[] {
  const sh: Shape = { fma: options.fma, strip: stripRows(options.fma) };
  return [...lstmSequenceFunctions(sh), ...gruSequenceFunctions(sh)];
}
