// Convolution on the CPU as im2col + matrix multiply, NHWC layout, filters [kh, kw, inC, outC].
import { getKernel, registerKernel, type TensorInfo } from '../registry';
import { convGeometry, type ConvGeometry } from '../convGeometry';
import { CpuBackend, arr } from './cpuBackend';
import { matmulInto } from './matmul';
import type { FloatArray } from '../../core/backend';

/**
 * Visits every (patch row offset, input pixel offset) pair of the im2col layout that lies inside
 * the image; cells over the padding are skipped (they stay zero).
 */
function forEachPatchCell(g: ConvGeometry, visit: (colOffset: number, pixelOffset: number) => void): void {
  const patch = g.kh * g.kw * g.c;
  let row = 0;
  for (let b = 0; b < g.n; b++) {
    for (let oy = 0; oy < g.oh; oy++) {
      for (let ox = 0; ox < g.ow; ox++, row++) {
        let o = row * patch;
        for (let ky = 0; ky < g.kh; ky++) {
          const iy = oy * g.strideH - g.padTop + ky;
          for (let kx = 0; kx < g.kw; kx++, o += g.c) {
            const ix = ox * g.strideW - g.padLeft + kx;
            if (iy < 0 || iy >= g.h || ix < 0 || ix >= g.w) continue;
            visit(o, ((b * g.h + iy) * g.w + ix) * g.c);
          }
        }
      }
    }
  }
}

/** Rows of patches: [n·oh·ow, kh·kw·c], zeros where the window hangs over the padding. */
function im2col(be: CpuBackend, x: FloatArray, g: ConvGeometry): FloatArray {
  const cols = be.alloc(g.n * g.oh * g.ow * g.kh * g.kw * g.c);
  forEachPatchCell(g, (o, src) => {
    for (let ch = 0; ch < g.c; ch++) cols[o + ch] = x[src + ch];
  });
  return cols;
}

/** The adjoint of im2col: adds each patch row back onto the input positions it came from. */
function col2im(be: CpuBackend, cols: FloatArray, g: ConvGeometry): FloatArray {
  const dx = be.alloc(g.n * g.h * g.w * g.c);
  forEachPatchCell(g, (o, dst) => {
    for (let ch = 0; ch < g.c; ch++) dx[dst + ch] += cols[o + ch];
  });
  return dx;
}

export function registerConvKernels(): void {
  // The reference for the fused forward: the two kernels it replaces.
  registerKernel('cpu', 'Conv2DBiasRelu', (be, [x, w, bias], attrs) => {
    const z = getKernel('cpu', 'Conv2D')(be, [x, w], attrs) as TensorInfo;
    return getKernel('cpu', 'BiasRelu')(be, [z, bias], {});
  });
  registerKernel('cpu', 'Conv2D', (be, [x, w], { strideH, strideW, padding }) => {
    const cpu = be as CpuBackend;
    const [kh, kw, , f] = w.shape;
    const g = convGeometry(x.shape, kh, kw, strideH, strideW, padding);
    const cols = im2col(cpu, arr(x.data), g);
    const rows = g.n * g.oh * g.ow;
    const y = cpu.alloc(rows * f);
    matmulInto(y, cols, arr(w.data), rows, kh * kw * g.c, f, false, false);
    return { data: y, shape: [g.n, g.oh, g.ow, f] };
  });
  registerKernel('cpu', 'Conv2DBackpropFilter', (be, [x, dy], { strideH, strideW, padding, filterShape }) => {
    const cpu = be as CpuBackend;
    const [kh, kw, c, f] = filterShape;
    const g = convGeometry(x.shape, kh, kw, strideH, strideW, padding);
    const cols = im2col(cpu, arr(x.data), g);
    const rows = g.n * g.oh * g.ow;
    const dw = cpu.alloc(kh * kw * c * f);
    matmulInto(dw, cols, arr(dy.data), kh * kw * c, rows, f, true, false);
    return { data: dw, shape: filterShape };
  });
  registerKernel('cpu', 'Conv2DBackpropInput', (be, [dy, w], { strideH, strideW, padding, inputShape }) => {
    const cpu = be as CpuBackend;
    const [kh, kw, c, f] = w.shape;
    const g = convGeometry(inputShape, kh, kw, strideH, strideW, padding);
    const rows = g.n * g.oh * g.ow;
    const dcols = cpu.alloc(rows * kh * kw * c);
    matmulInto(dcols, arr(dy.data), arr(w.data), rows, f, kh * kw * c, false, true);
    return { data: col2im(cpu, dcols, g), shape: inputShape };
  });
}
