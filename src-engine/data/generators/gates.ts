// Logic gates: the rows of a truth table (four for two inputs, two for NOT), for the very first
// "does it learn?" lessons.

import { makeDataset } from '../make-dataset';
import type { Dataset } from '../types';

export type GateId = 'not' | 'and' | 'or' | 'nand' | 'xor';

// NOT reads only its first input (`a`); it is the one single-input gate.
const GATES: Record<GateId, { name: string; output: (a: number, b: number) => number }> = {
  not: { name: 'NOT gate', output: (a) => 1 - a },
  and: { name: 'AND gate', output: (a, b) => a & b },
  or: { name: 'OR gate', output: (a, b) => a | b },
  nand: { name: 'NAND gate', output: (a, b) => 1 - (a & b) },
  xor: { name: 'XOR gate', output: (a, b) => a ^ b },
};

export const GATE_IDS = Object.keys(GATES) as GateId[];

export function gateName(id: GateId): string {
  return GATES[id].name;
}

/** Inputs per row: 1 for NOT, 2 for the others. */
export function gateInputs(id: GateId): number {
  return id === 'not' ? 1 : 2;
}

export function gateDescription(id: GateId): string {
  if (id === 'not') return 'Truth table of NOT: 2 rows of one 0/1 input (0→1, 1→0).';
  const rows = [0, 1].flatMap((a) => [0, 1].map((b) => `${a}${b}→${GATES[id].output(a, b)}`)).join(', ');
  return `Truth table of ${id.toUpperCase()}: 4 rows of two 0/1 inputs (${rows}).`;
}

export function generateGate(id: GateId): Dataset {
  const gate = GATES[id];
  const inputs = gateInputs(id);
  const x = inputs === 1 ? new Float32Array([0, 1]) : new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]);
  const count = x.length / inputs;
  const y = new Float32Array(count);
  for (let row = 0; row < count; row++) y[row] = gate.output(x[row * inputs], inputs === 2 ? x[row * 2 + 1] : 0);
  return makeDataset({
    id,
    name: gate.name,
    description: gateDescription(id),
    task: 'classification',
    inputShape: [inputs],
    targetShape: [1],
    classNames: ['0', '1'],
    featureNames: inputs === 1 ? ['a'] : ['a', 'b'],
    x,
    y,
    count,
  });
}
