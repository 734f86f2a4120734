// The kernel module: every WebAssembly function of the fast CPU backend, emitted from the
// TypeScript sources in kernels/ at run time (a few milliseconds), so nothing prebuilt ships.
import { encodeModule, type EncodedFunction } from './emit/encoding';
import { gemm, gemmPanels, packB } from './kernels/gemm';
import { elementwiseFunctions } from './kernels/elementwise';
import { optimizerFunctions } from './kernels/optimizers';
import { convFunctions } from './kernels/conv';
import { directConvFunctions } from './kernels/directConv';
import { poolFunctions } from './kernels/pool';
import { recurrentFunctions } from './kernels/recurrent';

/** 64 KiB pages: the memory starts at 16 MiB and may grow to 4 GiB (wasm32's limit). */
export const MEMORY_PAGES = { initial: 256, maximum: 65536 };

let functions: EncodedFunction[] | null = null;

export function kernelFunctions(): EncodedFunction[] {
  functions ??= [
    packB,
    gemm,
    gemmPanels,
    ...elementwiseFunctions,
    ...optimizerFunctions,
    ...convFunctions,
    ...directConvFunctions,
    ...poolFunctions,
    ...recurrentFunctions,
  ];
  return functions;
}

/** Export names, in export order (the thread pool calls functions by this index). */
export function kernelNames(): string[] {
  return kernelFunctions().map((f) => f.name);
}

export function kernelModuleBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  return encodeModule(kernelFunctions(), { ...MEMORY_PAGES, shared });
}
