// The tape: ops record how to differentiate themselves; backward() walks the recorded graph in
// reverse topological order and accumulates gradients with +=, as micrograd does per scalar.
import { Tensor, type TapeNode } from './tensor';
import { assertShape } from './shape';

let recording = true;

export function isRecording(): boolean {
  return recording;
}

/** Runs `fn` without recording (evaluation, optimizer steps, backward itself). */
export function noGrad<T>(fn: () => T): T {
  const previous = recording;
  recording = false;
  try {
    return fn();
  } finally {
    recording = previous;
  }
}

/** Attaches a tape node to `out` when any input needs a gradient. */
export function record(out: Tensor, op: string, inputs: Tensor[], backward: TapeNode['backward']): Tensor {
  if (recording && inputs.some((t) => t.requiresGrad)) {
    out.requiresGrad = true;
    out.node = { op, inputs, backward };
  }
  return out;
}

type AddFn = (a: Tensor, b: Tensor) => Tensor;
let addForAccumulation: AddFn | null = null;

/** ops/ registers its add so the tape can accumulate without importing ops (no cycle). */
export function setGradientAdder(add: AddFn): void {
  addForAccumulation = add;
}

function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<number>();
  // Iterative DFS: deep unrolled RNNs would overflow a recursive one.
  const stack: Array<{ t: Tensor; expanded: boolean }> = [{ t: root, expanded: false }];
  while (stack.length) {
    const top = stack.pop()!;
    if (top.expanded) {
      order.push(top.t);
      continue;
    }
    if (seen.has(top.t.id)) continue;
    seen.add(top.t.id);
    stack.push({ t: top.t, expanded: true });
    for (const input of top.t.node?.inputs ?? []) {
      if (input.requiresGrad && !seen.has(input.id)) stack.push({ t: input, expanded: false });
    }
  }
  return order;
}

/**
 * Backpropagates from `root` (seeded with `seed`, default 1 for a scalar) and stores the
 * gradient in `.grad` of every leaf that requires one. Returns the leaves' gradients.
 */
export function backward(root: Tensor, seed: Tensor): Map<Tensor, Tensor> {
  if (!addForAccumulation) throw new Error('ops are not loaded: import src-engine/ops before backward()');
  const add = addForAccumulation;
  assertShape(seed.shape, root.shape, 'backward seed');
  const grads = new Map<Tensor, Tensor>([[root, seed]]);
  const leaves = new Map<Tensor, Tensor>();
  noGrad(() => {
    const order = topologicalOrder(root);
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i];
      const g = grads.get(t);
      if (!g) continue;
      grads.delete(t);
      if (!t.node) {
        t.grad = t.grad ? add(t.grad, g) : g;
        leaves.set(t, t.grad);
        continue;
      }
      const inputGrads = t.node.backward(g);
      t.node.inputs.forEach((input, k) => {
        const gi = inputGrads[k];
        if (!gi || !input.requiresGrad) return;
        assertShape(gi.shape, input.shape, `gradient of ${t.node!.op} input ${k}`);
        const previous = grads.get(input);
        grads.set(input, previous ? add(previous, gi) : gi);
      });
    }
  });
  return leaves;
}
