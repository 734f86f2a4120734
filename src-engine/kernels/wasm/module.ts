// The kernel module: every WebAssembly function of the fast CPU backend, emitted from the
// TypeScript sources in kernels/ at run time (a few milliseconds), so nothing prebuilt ships.
import { encodeModule, type EncodedFunction } from './emit/encoding';
import { wasmFunction } from './emit/func';
import { set, v128 } from './emit/expr';
import { gemmFunctions } from './kernels/gemm';
import { elementwiseFunctions } from './kernels/elementwise';
import { optimizerFunctions } from './kernels/optimizers';
import { convFunctions } from './kernels/conv';
import { directConvFunctions } from './kernels/directConv';
import { poolFunctions } from './kernels/pool';
import { fusedPoolFunctions } from './kernels/poolFused';
import { recurrentSequenceFunctions } from './kernels/recurrentSequence';
import { softmaxFunctions } from './kernels/softmax';

/** 64 KiB pages: the memory starts at 16 MiB and may grow to 4 GiB (wasm32's limit). */
export const MEMORY_PAGES = { initial: 256, maximum: 65536 };

export interface KernelModuleOptions {
  /** Multiply-add with relaxed-SIMD FMA in the matrix multiply and the direct convolutions (default: where the runtime has it). */
  fma?: boolean;
}

let fmaSupported: boolean | undefined;

/** Whether this realm's WebAssembly validates f32x4.relaxed_madd (checked once). */
export function relaxedSimdSupported(): boolean {
  if (fmaSupported === undefined) {
    const probe = wasmFunction('probe', {}, (_, s) => {
      const x = s.local('v128', 'x');
      return [set(x, v128.relaxedMadd(x, x, x))];
    });
    try {
      fmaSupported = WebAssembly.validate(encodeModule([probe], { initial: 1, maximum: 1, shared: false }));
    } catch {
      fmaSupported = false;
    }
  }
  return fmaSupported;
}

const functions = new Map<boolean, EncodedFunction[]>();

export function kernelFunctions(options: KernelModuleOptions = {}): EncodedFunction[] {
  const fma = options.fma ?? relaxedSimdSupported();
  let list = functions.get(fma);
  if (!list) {
    list = [
      ...gemmFunctions({ fma }),
      ...elementwiseFunctions,
      ...optimizerFunctions,
      ...convFunctions,
      ...directConvFunctions({ fma }),
      ...poolFunctions,
      ...fusedPoolFunctions,
      ...recurrentSequenceFunctions({ fma }),
      ...softmaxFunctions({ fma }),
    ];
    functions.set(fma, list);
  }
  return list;
}

/** Export names, in export order (the thread pool calls functions by this index). */
export function kernelNames(options: KernelModuleOptions = {}): string[] {
  return kernelFunctions(options).map((f) => f.name);
}

export function kernelModuleBytes(shared: boolean, options: KernelModuleOptions = {}): Uint8Array<ArrayBuffer> {
  return encodeModule(kernelFunctions(options), { ...MEMORY_PAGES, shared });
}
