// The memory a model's parameters may take on this machine: half of it, the rest left to the
// data, the app and everything else. Read by the engine host, the services and the CLI alike.
import { totalmem } from 'node:os';
import type { ParameterMemory } from '../../graph/parameterBudget';

export function machineParameterMemory(): ParameterMemory {
  const total = totalmem();
  return { bytes: total / 2, reason: `half of this machine's ${(total / 2 ** 30).toFixed(1)} GB of memory` };
}
