// eˣ in f32x4 for the kernels that need an exponential (WebAssembly has no exp instruction):
// the recurrent gates' sigmoid and tanh, and softmax.
import type { FunctionScope } from '../emit/func';
import { set, v128, type Code, type Local, type Operand } from '../emit/expr';

/** a·b + c: fused as the module's GEMM is (relaxed_madd), or mul then add. */
export const madd = (fma: boolean, a: Operand, b: Operand, c: Operand): Code =>
  fma ? v128.relaxedMadd(a, b, c) : v128.add(v128.mul(a, b), c);

/**
 * out = eˣ per lane (Cephes expf: x = n·ln2 + r, a degree-6 polynomial in r, times 2ⁿ built from
 * the exponent bits); relative error about 2·10⁻⁷, x clamped to where f32 stays finite.
 */
export function exp(s: FunctionScope, fma: boolean, out: Local, x: Operand): Code[] {
  const t = s.local('v128', 'expX');
  const n = s.local('v128', 'expN');
  const poly = [1.98756915e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
  return [
    set(t, v128.min(v128.max(x, -87.3), 88.3)),
    set(n, v128.nearest(v128.mul(t, Math.LOG2E))),
    set(t, madd(fma, n, 2.1219444e-4, madd(fma, n, -0.693359375, t))),
    set(out, poly[0]),
    ...poly.slice(1).map((k) => set(out, madd(fma, out, t, k))),
    set(out, v128.add(madd(fma, v128.mul(out, t), t, t), 1)),
    set(out, v128.mul(out, v128.shlI32(v128.truncToI32(v128.add(n, 127)), 23))),
  ];
}
