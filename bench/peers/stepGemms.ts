// The arithmetic ceiling of LayerLab's MLP step: its matrix multiplies (shapes from the model's
// layer sizes) timed alone with the kernels and threads the training just used.
import { getKernel, type TensorInfo } from '../../src-engine/kernels/registry';
import type { Backend } from '../../src-engine/core/backend';
import { gemmFlops, type GemmShape } from './common';

type MatMul = (be: Backend, inputs: TensorInfo[], attrs: { transposeA: boolean; transposeB: boolean }) => TensorInfo;

/** Median time (ms) of one call of the MatMul kernel on `g`, over at least `seconds`. */
function medianMs(backend: Backend, g: GemmShape, seconds: number): number {
  const matmul = getKernel(backend.name, 'MatMul') as MatMul;
  const operand = (rows: number, cols: number): TensorInfo => {
    const size = rows * cols;
    return {
      shape: [rows, cols],
      data: backend.upload(
        Float32Array.from({ length: size }, (_, i) => Math.sin(i)),
        size,
      ),
    };
  };
  const a = g.transposeA ? operand(g.k, g.m) : operand(g.m, g.k);
  const b = g.transposeB ? operand(g.n, g.k) : operand(g.k, g.n);
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end || times.length < 20) {
    const start = performance.now();
    const c = matmul(backend, [a, b], g);
    times.push(performance.now() - start);
    backend.release(c.data);
  }
  backend.release(a.data);
  backend.release(b.data);
  times.sort((x, y) => x - y);
  return times[times.length >> 1];
}

/** Milliseconds the step's GEMMs take back to back (sum of medians), and their GFLOP/s. */
export function timeStepGemms(backend: Backend, shapes: GemmShape[], seconds = 1): { msPerStep: number; gflops: number } {
  const msPerStep = shapes.reduce((s, g) => s + medianMs(backend, g, seconds / shapes.length), 0);
  const flops = shapes.reduce((s, g) => s + gemmFlops(g), 0);
  return { msPerStep, gflops: flops / (msPerStep * 1e6) };
}
