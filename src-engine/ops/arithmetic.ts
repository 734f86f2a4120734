// Element-wise arithmetic with broadcasting; each op's gradient sits beside its forward.
import type { Tensor } from '../core/tensor';
import { record, setGradientAdder } from '../core/autograd';
import { runKernel, NO_ATTRS } from './runKernel';
import { sumTo } from './reduce';
import { registerOp } from './opRegistry';

export function add(a: Tensor, b: Tensor): Tensor {
  const out = runKernel('Add', [a, b], NO_ATTRS);
  return record(out, 'add', [a, b], (dy) => [sumTo(dy, a.shape), sumTo(dy, b.shape)]);
}

export function sub(a: Tensor, b: Tensor): Tensor {
  const out = runKernel('Sub', [a, b], NO_ATTRS);
  return record(out, 'sub', [a, b], (dy) => [sumTo(dy, a.shape), sumTo(neg(dy), b.shape)]);
}

export function mul(a: Tensor, b: Tensor): Tensor {
  const out = runKernel('Mul', [a, b], NO_ATTRS);
  return record(out, 'mul', [a, b], (dy) => [
    a.requiresGrad ? sumTo(mul(dy, b), a.shape) : null,
    b.requiresGrad ? sumTo(mul(dy, a), b.shape) : null,
  ]);
}

export function div(a: Tensor, b: Tensor): Tensor {
  const out = runKernel('Div', [a, b], NO_ATTRS);
  return record(out, 'div', [a, b], (dy) => [
    a.requiresGrad ? sumTo(div(dy, b), a.shape) : null,
    // d(a/b)/db = −a/b² = −out/b
    b.requiresGrad ? sumTo(neg(div(mul(dy, out), b)), b.shape) : null,
  ]);
}

export function neg(x: Tensor): Tensor {
  const out = runKernel('Neg', [x], NO_ATTRS);
  return record(out, 'neg', [x], (dy) => [neg(dy)]);
}

export function square(x: Tensor): Tensor {
  const out = runKernel('Square', [x], NO_ATTRS);
  return record(out, 'square', [x], (dy) => [mul(dy, runKernel('Affine', [x], { scale: 2, shift: 0 }))]);
}

export function sqrt(x: Tensor): Tensor {
  const out = runKernel('Sqrt', [x], NO_ATTRS);
  return record(out, 'sqrt', [x], (dy) => [div(dy, runKernel('Affine', [out], { scale: 2, shift: 0 }))]);
}

export function exp(x: Tensor): Tensor {
  const out = runKernel('Exp', [x], NO_ATTRS);
  return record(out, 'exp', [x], (dy) => [mul(dy, out)]);
}

export function log(x: Tensor): Tensor {
  const out = runKernel('Log', [x], NO_ATTRS);
  return record(out, 'log', [x], (dy) => [div(dy, x)]);
}

export function abs(x: Tensor): Tensor {
  const out = runKernel('Abs', [x], NO_ATTRS);
  return record(out, 'abs', [x], (dy) => [mul(dy, runKernel('Sign', [x], NO_ATTRS))]);
}

setGradientAdder(add);

const pair = [
  [3, 4],
  [3, 4],
];
const broadcastPair = [
  [2, 3, 4],
  [3, 1],
];
registerOp({
  name: 'add',
  cases: [
    { inputs: pair, run: ([a, b]) => add(a, b) },
    { inputs: broadcastPair, run: ([a, b]) => add(a, b) },
  ],
});
registerOp({
  name: 'sub',
  cases: [
    { inputs: pair, run: ([a, b]) => sub(a, b) },
    { inputs: [[4], [2, 4]], run: ([a, b]) => sub(a, b) },
  ],
});
registerOp({
  name: 'mul',
  cases: [
    { inputs: pair, run: ([a, b]) => mul(a, b) },
    { inputs: broadcastPair, run: ([a, b]) => mul(a, b) },
  ],
});
registerOp({ name: 'div', cases: [{ inputs: [[3, 4], [4]], run: ([a, b]) => div(a, b), positive: true }] });
registerOp({ name: 'neg', cases: [{ inputs: [[5]], run: ([x]) => neg(x) }] });
registerOp({ name: 'square', cases: [{ inputs: [[5]], run: ([x]) => square(x) }] });
registerOp({ name: 'sqrt', cases: [{ inputs: [[5]], run: ([x]) => sqrt(x), positive: true }] });
registerOp({ name: 'exp', cases: [{ inputs: [[5]], run: ([x]) => exp(x) }] });
registerOp({ name: 'log', cases: [{ inputs: [[5]], run: ([x]) => log(x), positive: true }] });
registerOp({ name: 'abs', cases: [{ inputs: [[6]], run: ([x]) => abs(x) }] });
