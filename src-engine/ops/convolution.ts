// 2-D convolution and pooling ops (NHWC), differentiable through their backprop kernels.
import type { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { formatShape } from '../core/shape';
import { runKernel } from './runKernel';
import { registerOp } from './opRegistry';
import { biasRelu, recordMaxPoolOfBiasRelu } from './fused';
import type { Padding } from '../kernels/kernelNames';

export function conv2d(x: Tensor, w: Tensor, stride: [number, number] = [1, 1], padding: Padding = 'valid'): Tensor {
  if (x.rank !== 4 || w.rank !== 4 || x.shape[3] !== w.shape[2]) {
    throw new Error(
      `conv2d: input ${formatShape(x.shape)} (NHWC) does not fit filters ${formatShape(w.shape)} ([kh, kw, in, out])`,
    );
  }
  const attrs = { strideH: stride[0], strideW: stride[1], padding };
  const out = runKernel('Conv2D', [x, w], attrs);
  return record(out, 'conv2d', [x, w], (dy) => [
    x.requiresGrad ? runKernel('Conv2DBackpropInput', [dy, w], { ...attrs, inputShape: [...x.shape] }) : null,
    w.requiresGrad ? runKernel('Conv2DBackpropFilter', [x, dy], { ...attrs, filterShape: [...w.shape] }) : null,
  ]);
}

export function maxPool2d(x: Tensor, pool: [number, number], stride: [number, number], padding: Padding = 'valid'): Tensor {
  const attrs = { poolH: pool[0], poolW: pool[1], strideH: stride[0], strideW: stride[1], padding };
  const out = runKernel('MaxPool', [x], attrs);
  return (
    recordMaxPoolOfBiasRelu(out, x, attrs) ?? record(out, 'maxPool2d', [x], (dy) => [runKernel('MaxPoolGrad', [dy, x], attrs)])
  );
}

export function avgPool2d(x: Tensor, pool: [number, number], stride: [number, number], padding: Padding = 'valid'): Tensor {
  const attrs = { poolH: pool[0], poolW: pool[1], strideH: stride[0], strideW: stride[1], padding };
  const out = runKernel('AvgPool', [x], attrs);
  return record(out, 'avgPool2d', [x], (dy) => [runKernel('AvgPoolGrad', [dy], { ...attrs, inputShape: [...x.shape] })]);
}

registerOp({
  name: 'conv2d',
  cases: [
    {
      inputs: [
        [2, 5, 5, 2],
        [3, 3, 2, 3],
      ],
      run: ([x, w]) => conv2d(x, w, [1, 1], 'valid'),
    },
    {
      inputs: [
        [1, 5, 4, 2],
        [3, 2, 2, 2],
      ],
      run: ([x, w]) => conv2d(x, w, [2, 2], 'same'),
    },
    {
      inputs: [
        [1, 6, 6, 1],
        [2, 2, 1, 2],
      ],
      run: ([x, w]) => conv2d(x, w, [2, 1], 'valid'),
    },
  ],
});
registerOp({
  name: 'maxPool2d',
  cases: [
    { inputs: [[2, 4, 4, 2]], run: ([x]) => maxPool2d(x, [2, 2], [2, 2]) },
    { inputs: [[1, 5, 5, 1]], run: ([x]) => maxPool2d(x, [3, 3], [2, 2], 'same') },
  ],
});
registerOp({
  name: 'maxPoolOfBiasRelu',
  cases: [
    { inputs: [[2, 4, 4, 4], [4]], run: ([z, b]) => maxPool2d(biasRelu(z, b), [2, 2], [2, 2]) },
    { inputs: [[1, 5, 7, 4], [4]], run: ([z, b]) => maxPool2d(biasRelu(z, b), [2, 2], [2, 2]) },
    { inputs: [[1, 5, 5, 2], [2]], run: ([z, b]) => maxPool2d(biasRelu(z, b), [3, 3], [2, 2], 'same') },
  ],
});
registerOp({
  name: 'avgPool2d',
  cases: [
    { inputs: [[2, 4, 4, 2]], run: ([x]) => avgPool2d(x, [2, 2], [2, 2]) },
    { inputs: [[1, 5, 5, 1]], run: ([x]) => avgPool2d(x, [3, 3], [2, 2], 'same') },
  ],
});
