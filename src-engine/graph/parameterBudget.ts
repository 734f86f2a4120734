// How many parameters a model may have on this machine. A model too big for memory is refused
// before its weights are allocated, naming the node, instead of ending in "Array buffer
// allocation failed". Hosts that know the machine's memory set the limit (hosts/node/cpuEngine.ts).

/** Bytes a parameter costs while training: the weight, its gradient and up to two optimizer moments (float32). */
export const BYTES_PER_PARAMETER = 16;

let limit = 250_000_000;
let reason = 'the default for hosts that do not know their memory';

/** Sets the limit from the memory training may use. */
export function setParameterMemory(bytes: number, why: string): void {
  limit = Math.max(1_000_000, Math.floor(bytes / BYTES_PER_PARAMETER));
  reason = why;
}

export function parameterLimit(): { limit: number; reason: string } {
  return { limit, reason };
}

export class ModelTooLargeError extends Error {
  override name = 'ModelTooLargeError';
  constructor(
    readonly nodeId: string,
    readonly nodeCount: number,
    readonly total: number,
  ) {
    super(
      `would hold ${nodeCount.toLocaleString('en-US')} parameters (${total.toLocaleString('en-US')} in the model so far); ` +
        `this machine's limit is ${limit.toLocaleString('en-US')} parameters (${reason}, ${BYTES_PER_PARAMETER} bytes each for weights, gradients and optimizer state)`,
    );
  }
}

/** Counts a model's parameters as its layers are built; throws before an allocation would pass the limit. */
export class ParameterBudget {
  private used = 0;
  private perNode = new Map<string, number>();

  reserve(nodeId: string, size: number): void {
    const node = (this.perNode.get(nodeId) ?? 0) + size;
    this.perNode.set(nodeId, node);
    this.used += size;
    if (this.used > limit) throw new ModelTooLargeError(nodeId, node, this.used);
  }
}
