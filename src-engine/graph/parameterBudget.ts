// How many parameters a model may have on a machine. A model too big for memory is refused while
// the graph is validated (before a run is stored or any weight allocated), naming the node,
// instead of ending in "Array buffer allocation failed". The memory figure comes from the host
// (hosts/node/machineMemory.ts); this file only computes.
import type { GraphIssue } from '../../src-shared/graphFormat';
import type { ValidatedNode } from './validate';

/** Bytes a parameter costs while training: the weight, its gradient and up to two optimizer moments (float32). */
export const BYTES_PER_PARAMETER = 16;

/** Memory training may use for parameters, and how the host arrived at it (for the message). */
export interface ParameterMemory {
  bytes: number;
  reason: string;
}

/** For hosts that do not know their memory (a browser worker). */
export const DEFAULT_PARAMETER_MEMORY: ParameterMemory = {
  bytes: 250_000_000 * BYTES_PER_PARAMETER,
  reason: 'the default for hosts that do not know their memory',
};

/** The most parameters a model may have with this much memory (never under a million). */
export function parameterLimit(memory: ParameterMemory): number {
  return Math.max(1_000_000, Math.floor(memory.bytes / BYTES_PER_PARAMETER));
}

/** Each node's trainable parameters, from the layer's declared count (no weight is built). */
export function parameterCounts(nodes: Iterable<ValidatedNode>): Array<{ nodeId: string; count: number }> {
  return [...nodes].map((n) => ({ nodeId: n.id, count: n.def.parameterCount?.(n.inputShapes, n.params) ?? 0 }));
}

/** The issue of the node that takes the model past the limit, or none. */
export function checkParameterBudget(nodes: Iterable<ValidatedNode>, memory: ParameterMemory): GraphIssue | undefined {
  const limit = parameterLimit(memory);
  let total = 0;
  for (const { nodeId, count } of parameterCounts(nodes)) {
    total += count;
    if (total > limit) {
      return {
        nodeId,
        message:
          `would hold ${count.toLocaleString('en-US')} parameters (${total.toLocaleString('en-US')} in the model so far); ` +
          `this machine's limit is ${limit.toLocaleString('en-US')} parameters (${memory.reason}, ${BYTES_PER_PARAMETER} bytes each for weights, gradients and optimizer state)`,
      };
    }
  }
  return undefined;
}

let hostMemory = DEFAULT_PARAMETER_MEMORY;

/** Set once by an engine host that knows its machine, for the runs it prepares. */
export function setHostParameterMemory(memory: ParameterMemory): void {
  hostMemory = memory;
}

export function hostParameterMemory(): ParameterMemory {
  return hostMemory;
}
