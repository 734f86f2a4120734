// The fused backward of maxPool(relu(z + bias)) on the fast backend: one pass for 2×2/2 windows
// (biasReluMaxPoolGrad2x2), else the two fast kernels it replaces.
import { getKernel, registerKernel, type TensorInfo } from '../../registry';
import { convGeometry } from '../../convGeometry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import { isPair } from './poolAndOptim';

export function registerFastFusedPoolKernels(): void {
  registerKernel(FAST_CPU, 'BiasReluMaxPoolGrad', (backend, [dy, y], attrs) => {
    const be = backend as FastCpuBackend;
    const g = convGeometry(y.shape, attrs.poolH, attrs.poolW, attrs.strideH, attrs.strideW, attrs.padding);
    if (!isPair(g)) {
      const dx = getKernel(FAST_CPU, 'MaxPoolGrad')(be, [dy, y], attrs) as TensorInfo;
      try {
        return getKernel(FAST_CPU, 'BiasReluGrad')(be, [dx, y], {});
      } finally {
        be.release(dx.data as Float32Array);
      }
    }
    const dz = be.allocUninitialized(g.n * g.h * g.w * g.c);
    const db = be.allocUninitialized(g.c);
    const partials = be.allocUninitialized(g.n * g.c);
    try {
      const args = [be.address(dy.data), be.address(y.data), dz.byteOffset, partials.byteOffset, g.h, g.w, g.c, g.oh, g.ow];
      be.runtime.run('biasReluMaxPoolGrad2x2', args, g.n, 1, g.oh * g.ow * g.c * 2);
      be.runtime.run('sumRows', [partials.byteOffset, db.byteOffset, g.n, g.c], g.c, g.c, g.n);
    } finally {
      be.release(partials);
    }
    return [
      { data: dz, shape: y.shape },
      { data: db, shape: [g.c] },
    ];
  });
}
