// Convolution (NHWC, filters [kh, kw, inC, outC]) and its gradients as implicit im2col products:
//   forward         Y[n·oh·ow, F]   = patches(x)      · W[kh·kw·C, F]
//   filter gradient dW[kh·kw·C, F]  = patches(x)ᵀ     · dY[n·oh·ow, F]
//   input gradient  dX[n·h·w, C]    = windows(dY)     · W'[kh·kw·F, C]
// The last gathers, for each input pixel, every output that saw it (no scatter, no atomics).
import { registerKernel } from '../registry';
import { convGeometry, type ConvGeometry } from '../convGeometry';
import type { Padding } from '../kernelNames';
import { gemm } from './gemm';

// Uniform slots 4..16 hold the geometry.
const GEOMETRY = `struct Geo { n: u32, h: u32, w: u32, c: u32, kh: u32, kw: u32, oh: u32, ow: u32, sh: u32, sw: u32, pt: u32, pl: u32, f: u32 }
fn geo() -> Geo { return Geo(ui(4u), ui(5u), ui(6u), ui(7u), ui(8u), ui(9u), ui(10u), ui(11u), ui(12u), ui(13u), ui(14u), ui(15u), ui(16u)); }`;

// The input x is bound as A in both products that read patches.
const PATCH = `// x value of patch row q (an output position) at patch column p = (ky, kx, ch); 0 in the padding.
fn patchValue(q: u32, p: u32) -> f32 {
  let g = geo();
  let ox = q % g.ow; let oy = (q / g.ow) % g.oh; let b = q / (g.ow * g.oh);
  let ch = p % g.c; let kx = (p / g.c) % g.kw; let ky = p / (g.c * g.kw);
  let iy = i32(oy * g.sh + ky) - i32(g.pt); let ix = i32(ox * g.sw + kx) - i32(g.pl);
  if (iy < 0 || ix < 0 || iy >= i32(g.h) || ix >= i32(g.w)) { return 0.0; }
  return A[((b * g.h + u32(iy)) * g.w + u32(ix)) * g.c + ch];
}`;

function geometryInts(g: ConvGeometry, filters: number): number[] {
  return [g.n, g.h, g.w, g.c, g.kh, g.kw, g.oh, g.ow, g.strideH, g.strideW, g.padTop, g.padLeft, filters];
}

interface ConvAttrs {
  strideH: number;
  strideW: number;
  padding: Padding;
}

export function registerConvKernels(): void {
  registerKernel('webgpu', 'Conv2D', (be, [x, w], a: ConvAttrs) => {
    const [kh, kw, c, f] = w.shape;
    const g = convGeometry(x.shape, kh, kw, a.strideH, a.strideW, a.padding);
    const data = gemm(
      be,
      {
        key: 'conv:forward',
        loaders: `${GEOMETRY}\n${PATCH}
fn loadA(row: u32, k: u32) -> f32 { return patchValue(row, k); }
fn loadB(k: u32, col: u32) -> f32 { return B[k * ui(16u) + col]; }`,
        aKContiguous: true,
        bColContiguous: true,
        m: g.n * g.oh * g.ow,
        n: f,
        k: kh * kw * c,
        params: geometryInts(g, f),
      },
      x.data,
      w.data,
    );
    return { data, shape: [g.n, g.oh, g.ow, f] };
  });

  registerKernel('webgpu', 'Conv2DBackpropFilter', (be, [x, dy], a: ConvAttrs & { filterShape: number[] }) => {
    const [kh, kw, c, f] = a.filterShape;
    const g = convGeometry(x.shape, kh, kw, a.strideH, a.strideW, a.padding);
    const data = gemm(
      be,
      {
        key: 'conv:filterGrad',
        loaders: `${GEOMETRY}\n${PATCH}
fn loadA(row: u32, k: u32) -> f32 { return patchValue(k, row); }
fn loadB(k: u32, col: u32) -> f32 { return B[k * ui(16u) + col]; }`,
        aKContiguous: false,
        bColContiguous: true,
        m: kh * kw * c,
        n: f,
        k: g.n * g.oh * g.ow,
        params: geometryInts(g, f),
      },
      x.data,
      dy.data,
    );
    return { data, shape: a.filterShape };
  });

  registerKernel('webgpu', 'Conv2DBackpropInput', (be, [dy, w], a: ConvAttrs & { inputShape: number[] }) => {
    const [kh, kw, c, f] = w.shape;
    const g = convGeometry(a.inputShape, kh, kw, a.strideH, a.strideW, a.padding);
    const data = gemm(
      be,
      {
        key: 'conv:inputGrad',
        loaders: `${GEOMETRY}
// dY at the output whose window puts filter tap (ky, kx) on input pixel row; 0 if none does.
fn loadA(row: u32, k: u32) -> f32 {
  let g = geo();
  let ix = row % g.w; let iy = (row / g.w) % g.h; let b = row / (g.w * g.h);
  let fi = k % g.f; let kx = (k / g.f) % g.kw; let ky = k / (g.f * g.kw);
  let ny = i32(iy + g.pt) - i32(ky); let nx = i32(ix + g.pl) - i32(kx);
  if (ny < 0 || nx < 0) { return 0.0; }
  let oy = u32(ny) / g.sh; let ox = u32(nx) / g.sw;
  if (oy * g.sh != u32(ny) || ox * g.sw != u32(nx) || oy >= g.oh || ox >= g.ow) { return 0.0; }
  return A[((b * g.oh + oy) * g.ow + ox) * g.f + fi];
}
// W'[(ky, kx, fi), ch] = W[ky, kx, ch, fi]
fn loadB(k: u32, col: u32) -> f32 {
  let g = geo();
  let fi = k % g.f; let tap = k / g.f;
  return B[(tap * g.c + col) * g.f + fi];
}`,
        aKContiguous: true,
        bColContiguous: false,
        m: g.n * g.h * g.w,
        n: c,
        k: kh * kw * f,
        params: geometryInts(g, f),
      },
      dy.data,
      w.data,
    );
    return { data, shape: a.inputShape };
  });
}
