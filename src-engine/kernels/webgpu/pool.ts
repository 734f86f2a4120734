// Max and average pooling (NHWC) on the GPU. Padding cells are ignored, as on the CPU: never the
// maximum, not counted in means. Gradients gather per input value over the windows that cover it
// (no scatter); MaxPoolGrad sends each window's gradient to its first maximum, as the forward picked.
import { registerKernel } from '../registry';
import { convGeometry, type ConvGeometry } from '../convGeometry';
import type { PoolAttrs } from '../kernelNames';
import type { Backend } from '../../core/backend';
import { grid1d, LINEAR_MAIN, type Program } from './program';
import type { WebGpuBackend } from './webgpuBackend';

// Uniforms: n 0, then the geometry at 1..12.
const GEO = `struct Geo { n: u32, h: u32, w: u32, c: u32, kh: u32, kw: u32, sh: u32, sw: u32, pt: i32, pl: i32, oh: u32, ow: u32 }
fn geo() -> Geo { return Geo(ui(1u), ui(2u), ui(3u), ui(4u), ui(5u), ui(6u), ui(7u), ui(8u), i32(ui(9u)), i32(ui(10u)), ui(11u), ui(12u)); }
// Number of unpadded cells in the window at (oy, ox).
fn cellsOf(g: Geo, oy: u32, ox: u32) -> f32 {
  let y0 = max(i32(oy * g.sh) - g.pt, 0); let y1 = min(i32(oy * g.sh + g.kh) - g.pt, i32(g.h));
  let x0 = max(i32(ox * g.sw) - g.pl, 0); let x1 = min(i32(ox * g.sw + g.kw) - g.pl, i32(g.w));
  return f32((y1 - y0) * (x1 - x0));
}
// Outputs whose window covers input row iy: [lo, hi] (empty when lo > hi).
fn coverRange(i: u32, pad: i32, k: u32, s: u32, outSize: u32) -> vec2<i32> {
  let num = i32(i) + pad - i32(k) + 1;
  let lo = select(0, (num + i32(s) - 1) / i32(s), num > 0);
  let hi = min((i32(i) + pad) / i32(s), i32(outSize) - 1);
  return vec2<i32>(lo, hi);
}`;

// Needs the input bound as X.
const ARGMAX = `// Input offset of the first maximum of window (b, oy, ox, ch), in the CPU's scan order.
fn argmaxOf(g: Geo, b: u32, oy: u32, ox: u32, ch: u32) -> u32 {
  var best = 0u; var found = false; var bestValue = 0.0;
  for (var ky = 0u; ky < g.kh; ky++) {
    let iy = i32(oy * g.sh + ky) - g.pt;
    if (iy < 0 || iy >= i32(g.h)) { continue; }
    for (var kx = 0u; kx < g.kw; kx++) {
      let ix = i32(ox * g.sw + kx) - g.pl;
      if (ix < 0 || ix >= i32(g.w)) { continue; }
      let at = ((b * g.h + u32(iy)) * g.w + u32(ix)) * g.c + ch;
      let v = X[at];
      if (!found || v > bestValue) { best = at; bestValue = v; found = true; }
    }
  }
  return best;
}`;

const FORWARD_INDEX = `let g = geo(); let ch = i % g.c; let ox = (i / g.c) % g.ow; let oy = (i / (g.c * g.ow)) % g.oh; let b = i / (g.c * g.ow * g.oh);`;
const INPUT_INDEX = `let g = geo(); let ch = i % g.c; let ix = (i / g.c) % g.w; let iy = (i / (g.c * g.w)) % g.h; let b = i / (g.c * g.w * g.h);
  let ys = coverRange(iy, g.pt, g.kh, g.sh, g.oh); let xs = coverRange(ix, g.pl, g.kw, g.sw, g.ow);
  var s = 0.0;`;

const PROGRAMS: Record<'max' | 'maxGrad' | 'avg' | 'avgGrad', Program> = {
  max: {
    key: 'pool:max',
    inputs: ['X'],
    outputs: ['Y'],
    body: `${GEO}\n${ARGMAX}\nfn run(i: u32) { ${FORWARD_INDEX} Y[i] = X[argmaxOf(g, b, oy, ox, ch)]; }\n${LINEAR_MAIN}`,
  },
  avg: {
    key: 'pool:avg',
    inputs: ['X'],
    outputs: ['Y'],
    body: `${GEO}\nfn run(i: u32) { ${FORWARD_INDEX}
  var s = 0.0;
  for (var ky = 0u; ky < g.kh; ky++) {
    let iy = i32(oy * g.sh + ky) - g.pt;
    if (iy < 0 || iy >= i32(g.h)) { continue; }
    for (var kx = 0u; kx < g.kw; kx++) {
      let ix = i32(ox * g.sw + kx) - g.pl;
      if (ix >= 0 && ix < i32(g.w)) { s += X[((b * g.h + u32(iy)) * g.w + u32(ix)) * g.c + ch]; }
    }
  }
  Y[i] = s / cellsOf(g, oy, ox);
}\n${LINEAR_MAIN}`,
  },
  maxGrad: {
    key: 'pool:maxGrad',
    inputs: ['DY', 'X'],
    outputs: ['DX'],
    body: `${GEO}\n${ARGMAX}\nfn run(i: u32) { ${INPUT_INDEX}
  for (var oy = ys.x; oy <= ys.y; oy++) {
    for (var ox = xs.x; ox <= xs.y; ox++) {
      if (argmaxOf(g, b, u32(oy), u32(ox), ch) == i) { s += DY[((b * g.oh + u32(oy)) * g.ow + u32(ox)) * g.c + ch]; }
    }
  }
  DX[i] = s;
}\n${LINEAR_MAIN}`,
  },
  avgGrad: {
    key: 'pool:avgGrad',
    inputs: ['DY'],
    outputs: ['DX'],
    body: `${GEO}\nfn run(i: u32) { ${INPUT_INDEX}
  for (var oy = ys.x; oy <= ys.y; oy++) {
    for (var ox = xs.x; ox <= xs.y; ox++) {
      s += DY[((b * g.oh + u32(oy)) * g.ow + u32(ox)) * g.c + ch] / cellsOf(g, u32(oy), u32(ox));
    }
  }
  DX[i] = s;
}\n${LINEAR_MAIN}`,
  },
};

function geometryInts(g: ConvGeometry): number[] {
  return [g.n, g.h, g.w, g.c, g.kh, g.kw, g.strideH, g.strideW, g.padTop, g.padLeft, g.oh, g.ow];
}

function pool(backend: Backend, which: keyof typeof PROGRAMS, g: ConvGeometry, inputs: object[], outSize: number) {
  const gpu = backend as WebGpuBackend;
  const out = gpu.alloc(outSize);
  if (outSize > 0) gpu.run(PROGRAMS[which], inputs, [out], { ints: [outSize, ...geometryInts(g)] }, grid1d(outSize));
  return out;
}

function geometry(shape: readonly number[], a: PoolAttrs): ConvGeometry {
  return convGeometry(shape, a.poolH, a.poolW, a.strideH, a.strideW, a.padding);
}

export function registerPoolKernels(): void {
  registerKernel('webgpu', 'MaxPool', (be, [x], a) => {
    const g = geometry(x.shape, a);
    return { data: pool(be, 'max', g, [x.data], g.n * g.oh * g.ow * g.c), shape: [g.n, g.oh, g.ow, g.c] };
  });
  registerKernel('webgpu', 'AvgPool', (be, [x], a) => {
    const g = geometry(x.shape, a);
    return { data: pool(be, 'avg', g, [x.data], g.n * g.oh * g.ow * g.c), shape: [g.n, g.oh, g.ow, g.c] };
  });
  registerKernel('webgpu', 'MaxPoolGrad', (be, [dy, x], a) => {
    const g = geometry(x.shape, a);
    return { data: pool(be, 'maxGrad', g, [dy.data, x.data], g.n * g.h * g.w * g.c), shape: x.shape };
  });
  registerKernel('webgpu', 'AvgPoolGrad', (be, [dy], a) => {
    const g = geometry(a.inputShape, a);
    return { data: pool(be, 'avgGrad', g, [dy.data], g.n * g.h * g.w * g.c), shape: a.inputShape };
  });
}
