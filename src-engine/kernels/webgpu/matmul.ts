// MatMul on the GPU: the tiled product with the transposes folded into the loaders.
import { registerKernel } from '../registry';
import { gemm } from './gemm';

export function registerMatMulKernel(): void {
  registerKernel('webgpu', 'MatMul', (be, [a, b], { transposeA, transposeB }) => {
    const m = transposeA ? a.shape[1] : a.shape[0];
    const k = transposeA ? a.shape[0] : a.shape[1];
    const n = transposeB ? b.shape[0] : b.shape[1];
    // Uniforms 0..2 are M, N, K.
    const loadA = transposeA ? 'A[k * ui(0u) + row]' : 'A[row * ui(2u) + k]';
    const loadB = transposeB ? 'B[col * ui(2u) + k]' : 'B[k * ui(1u) + col]';
    const data = gemm(
      be,
      {
        key: `matmul:${transposeA ? 'T' : 'N'}${transposeB ? 'T' : 'N'}`,
        loaders: `fn loadA(row: u32, k: u32) -> f32 { return ${loadA}; }\nfn loadB(k: u32, col: u32) -> f32 { return ${loadB}; }`,
        aKContiguous: !transposeA,
        bColContiguous: !transposeB,
        m,
        n,
        k,
      },
      a.data,
      b.data,
    );
    return { data, shape: [m, n] };
  });
}
