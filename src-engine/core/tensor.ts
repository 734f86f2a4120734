// Tensor: a shape, backend storage, and (when it takes part in autograd) the tape node that
// made it. Tensors are immutable to ops; only optimizers update parameters in place.
import { getBackend, type Backend, type DataHandle, type FloatArray } from './backend';
import { sizeOf, formatShape, type Shape } from './shape';

export interface TapeNode {
  /** Name of the op that produced the tensor (for error messages and debugging). */
  op: string;
  inputs: Tensor[];
  /** Given dL/d(output), returns dL/d(input) for each input (null where no gradient flows). */
  backward: (dy: Tensor) => Array<Tensor | null>;
}

let nextId = 1;

export class Tensor {
  readonly id = nextId++;
  readonly shape: readonly number[];
  readonly size: number;
  readonly backend: Backend;
  data: DataHandle;
  /** True for parameters and for anything computed from them while recording. */
  requiresGrad = false;
  /** Accumulated gradient (set on leaves by backward()). */
  grad: Tensor | null = null;
  node: TapeNode | null = null;
  name?: string;

  constructor(shape: Shape, data: DataHandle, backend: Backend = getBackend()) {
    this.shape = [...shape];
    this.size = sizeOf(shape);
    this.data = data;
    this.backend = backend;
  }

  get rank(): number {
    return this.shape.length;
  }

  /** Synchronous host view; only on host-memory backends (tests, CPU training loop). */
  dataSync(): FloatArray {
    const view = this.backend.hostView(this.data);
    if (!view) throw new Error(`tensor data lives on the ${this.backend.name} device; use await read()`);
    return view;
  }

  /** Host copy of the values; the only way the training loop reads a device tensor. */
  read(): Promise<FloatArray> {
    return this.backend.read(this.data, this.size);
  }

  /** The single value of a one-element tensor (host backends). */
  item(): number {
    if (this.size !== 1) throw new Error(`item() needs a one-element tensor, got ${formatShape(this.shape)}`);
    return this.dataSync()[0];
  }

  toArray(): number[] {
    return Array.from(this.dataSync());
  }

  dispose(): void {
    this.backend.release(this.data);
  }

  toString(): string {
    return `Tensor${formatShape(this.shape)}`;
  }
}

export function tensor(values: ArrayLike<number>, shape?: Shape): Tensor {
  const s = shape ?? [values.length];
  const size = sizeOf(s);
  if (size !== values.length) {
    throw new Error(`tensor(): ${values.length} values do not fill shape ${formatShape(s)}`);
  }
  const backend = getBackend();
  return new Tensor(s, backend.upload(values, size), backend);
}

export function zeros(shape: Shape): Tensor {
  const backend = getBackend();
  return new Tensor(shape, backend.zeros(sizeOf(shape)), backend);
}

export function scalar(value: number): Tensor {
  return tensor([value], []);
}

export function fill(shape: Shape, value: number): Tensor {
  return tensor(new Float64Array(sizeOf(shape)).fill(value), shape);
}

/** A trainable leaf. */
export function parameter(values: ArrayLike<number>, shape: Shape, name?: string): Tensor {
  const t = tensor(values, shape);
  t.requiresGrad = true;
  if (name) t.name = name;
  return t;
}
