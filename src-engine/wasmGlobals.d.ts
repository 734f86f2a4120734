// WebAssembly as the fast CPU kernels use it (kernels/wasm). Browsers' DOM types declare it; Node's
// types do not, so the engine core (tsconfig.engine.json) and the Node side (tsconfig.main.json)
// read this declaration instead.
/** The part of WebAssembly the fast CPU kernels use (kernels/wasm). */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    grow(delta: number): number;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  function validate(bytes: ArrayBufferView | ArrayBuffer): boolean;
}
