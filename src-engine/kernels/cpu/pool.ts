// Max and average pooling, NHWC. Padding cells are ignored (never the max, not counted in means).
import { getKernel, registerKernel, type TensorInfo } from '../registry';
import { convGeometry, type ConvGeometry } from '../convGeometry';
import { CpuBackend, arr } from './cpuBackend';
import type { PoolAttrs } from '../kernelNames';
import type { FloatArray } from '../../core/backend';

type Visit = (outIndex: number, window: number[]) => void;

/** Calls `visit` for every output cell with the input offsets of its (unpadded) window. */
function forEachWindow(g: ConvGeometry, visit: Visit): void {
  const window: number[] = [];
  let outIndex = 0;
  for (let b = 0; b < g.n; b++) {
    for (let oy = 0; oy < g.oh; oy++) {
      for (let ox = 0; ox < g.ow; ox++) {
        for (let ch = 0; ch < g.c; ch++, outIndex++) {
          window.length = 0;
          for (let ky = 0; ky < g.kh; ky++) {
            const iy = oy * g.strideH - g.padTop + ky;
            if (iy < 0 || iy >= g.h) continue;
            for (let kx = 0; kx < g.kw; kx++) {
              const ix = ox * g.strideW - g.padLeft + kx;
              if (ix < 0 || ix >= g.w) continue;
              window.push(((b * g.h + iy) * g.w + ix) * g.c + ch);
            }
          }
          visit(outIndex, window);
        }
      }
    }
  }
}

function geometry(shape: readonly number[], a: PoolAttrs): ConvGeometry {
  return convGeometry(shape, a.poolH, a.poolW, a.strideH, a.strideW, a.padding);
}

function argmax(x: FloatArray, window: number[]): number {
  let best = window[0];
  for (const i of window) if (x[i] > x[best]) best = i;
  return best;
}

export function registerPoolKernels(): void {
  registerKernel('cpu', 'MaxPool', (be, [x], attrs) => {
    const g = geometry(x.shape, attrs);
    const src = arr(x.data);
    const y = (be as CpuBackend).alloc(g.n * g.oh * g.ow * g.c);
    forEachWindow(g, (o, win) => (y[o] = src[argmax(src, win)]));
    return { data: y, shape: [g.n, g.oh, g.ow, g.c] };
  });
  registerKernel('cpu', 'MaxPoolGrad', (be, [dy, x], attrs) => {
    const g = geometry(x.shape, attrs);
    const src = arr(x.data);
    const d = arr(dy.data);
    const dx = (be as CpuBackend).alloc(src.length);
    // The gradient goes to the first maximum of each window, as the forward pass picked it.
    forEachWindow(g, (o, win) => (dx[argmax(src, win)] += d[o]));
    return { data: dx, shape: x.shape };
  });
  // The reference for the fused backward of maxPool(relu(z + bias)): the two kernels it replaces.
  registerKernel('cpu', 'BiasReluMaxPoolGrad', (be, [dy, y], attrs) => {
    const dx = getKernel('cpu', 'MaxPoolGrad')(be, [dy, y], attrs) as TensorInfo;
    return getKernel('cpu', 'BiasReluGrad')(be, [dx, y], {});
  });
  registerKernel('cpu', 'AvgPool', (be, [x], attrs) => {
    const g = geometry(x.shape, attrs);
    const src = arr(x.data);
    const y = (be as CpuBackend).alloc(g.n * g.oh * g.ow * g.c);
    forEachWindow(g, (o, win) => {
      let s = 0;
      for (const i of win) s += src[i];
      y[o] = s / win.length;
    });
    return { data: y, shape: [g.n, g.oh, g.ow, g.c] };
  });
  registerKernel('cpu', 'AvgPoolGrad', (be, [dy], attrs) => {
    const g = geometry(attrs.inputShape, attrs);
    const d = arr(dy.data);
    const dx = (be as CpuBackend).alloc(g.n * g.h * g.w * g.c);
    forEachWindow(g, (o, win) => {
      const share = d[o] / win.length;
      for (const i of win) dx[i] += share;
    });
    return { data: dx, shape: attrs.inputShape };
  });
}
