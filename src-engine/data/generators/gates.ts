// Logic gates: the four rows of a two-input truth table, for the very first "does it learn?" lessons.

import { makeDataset } from '../make-dataset';
import type { Dataset } from '../types';

export type GateId = 'and' | 'or' | 'nand' | 'xor';

const GATES: Record<GateId, { name: string; output: (a: number, b: number) => number }> = {
  and: { name: 'AND gate', output: (a, b) => a & b },
  or: { name: 'OR gate', output: (a, b) => a | b },
  nand: { name: 'NAND gate', output: (a, b) => 1 - (a & b) },
  xor: { name: 'XOR gate', output: (a, b) => a ^ b },
};

export const GATE_IDS = Object.keys(GATES) as GateId[];

export function gateName(id: GateId): string {
  return GATES[id].name;
}

export function gateDescription(id: GateId): string {
  const rows = [0, 1]
    .flatMap((a) => [0, 1].map((b) => `${a}${b}→${GATES[id].output(a, b)}`))
    .join(', ');
  return `Truth table of ${id.toUpperCase()}: 4 rows of two 0/1 inputs (${rows}).`;
}

export function generateGate(id: GateId): Dataset {
  const gate = GATES[id];
  const x = new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]);
  const y = new Float32Array(4);
  for (let row = 0; row < 4; row++) y[row] = gate.output(x[row * 2], x[row * 2 + 1]);
  return makeDataset({
    id,
    name: gate.name,
    description: gateDescription(id),
    task: 'classification',
    inputShape: [2],
    targetShape: [1],
    classNames: ['0', '1'],
    featureNames: ['a', 'b'],
    x,
    y,
    count: 4,
  });
}
