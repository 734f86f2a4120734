// 2-D convolution and pooling ops (NHWC), differentiable through their backprop kernels.
import type { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { formatShape } from '../core/shape';
import { runKernel } from './runKernel';
import { registerOp } from './opRegistry';
import { biasRelu, recordBiasRelu, recordMaxPoolOfBiasRelu } from './fused';
import { hasKernel } from '../kernels/registry';
import { add } from './arithmetic';
import type { Conv2DAttrs, Padding } from '../kernels/kernelNames';

function checkShapes(x: Tensor, w: Tensor): void {
  if (x.rank !== 4 || w.rank !== 4 || x.shape[3] !== w.shape[2]) {
    throw new Error(
      `conv2d: input ${formatShape(x.shape)} (NHWC) does not fit filters ${formatShape(w.shape)} ([kh, kw, in, out])`,
    );
  }
}

export function conv2d(x: Tensor, w: Tensor, stride: [number, number] = [1, 1], padding: Padding = 'valid'): Tensor {
  checkShapes(x, w);
  const attrs = { strideH: stride[0], strideW: stride[1], padding };
  const out = runKernel('Conv2D', [x, w], attrs);
  return record(out, 'conv2d', [x, w], (dy) => convGradients(x, w, dy, attrs));
}

function convGradients(x: Tensor, w: Tensor, dy: Tensor, attrs: Conv2DAttrs): Array<Tensor | null> {
  return [
    x.requiresGrad ? runKernel('Conv2DBackpropInput', [dy, w], { ...attrs, inputShape: [...x.shape] }) : null,
    w.requiresGrad ? runKernel('Conv2DBackpropFilter', [x, dy], { ...attrs, filterShape: [...w.shape] }) : null,
  ];
}

/** relu(conv2d(x, w) + bias), the bias and relu in the convolution's own pass where the backend can. */
export function conv2dBiasRelu(x: Tensor, w: Tensor, bias: Tensor, stride: [number, number], padding: Padding): Tensor {
  const fits = bias.rank === 1 && bias.shape[0] === w.shape[3];
  if (!fits || !hasKernel(x.backend.name, 'Conv2DBiasRelu')) return biasRelu(conv2d(x, w, stride, padding), bias);
  checkShapes(x, w);
  const attrs = { strideH: stride[0], strideW: stride[1], padding };
  const y = runKernel('Conv2DBiasRelu', [x, w, bias], attrs);
  return recordBiasRelu(y, [x, w, bias], (dz, db) => [...convGradients(x, w, dz, attrs), bias.requiresGrad ? db : null]);
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
  name: 'conv2dBiasRelu',
  cases: [
    { inputs: [[2, 5, 5, 2], [3, 3, 2, 8], [8]], run: ([x, w, b]) => conv2dBiasRelu(x, w, b, [1, 1], 'valid') },
    { inputs: [[1, 5, 4, 3], [3, 2, 3, 5], [5]], run: ([x, w, b]) => conv2dBiasRelu(x, w, b, [2, 1], 'same') },
    {
      inputs: [[1, 5, 6, 1], [2, 2, 1, 8], [8]],
      run: ([x, w, b]) => maxPool2d(conv2dBiasRelu(x, w, b, [1, 1], 'valid'), [2, 2], [2, 2]),
    },
  ],
});
registerOp({
  name: 'maxPoolOfBiasRelu',
  cases: [
    { inputs: [[2, 4, 4, 4], [4]], run: ([z, b]) => maxPool2d(biasRelu(z, b), [2, 2], [2, 2]) },
    { inputs: [[1, 5, 7, 4], [4]], run: ([z, b]) => maxPool2d(biasRelu(z, b), [2, 2], [2, 2]) },
    { inputs: [[1, 5, 5, 2], [2]], run: ([z, b]) => maxPool2d(biasRelu(z, b), [3, 3], [2, 2], 'same') },
    {
      // y feeds the pool and another op: the gradients through the fused node and through y's add up.
      inputs: [[1, 4, 4, 4], [4]],
      run: ([z, b]) => {
        const y = biasRelu(z, b);
        return add(maxPool2d(y, [2, 2], [2, 2]), avgPool2d(y, [2, 2], [2, 2]));
      },
    },
  ],
});
registerOp({
  name: 'avgPool2d',
  cases: [
    { inputs: [[2, 4, 4, 2]], run: ([x]) => avgPool2d(x, [2, 2], [2, 2]) },
    { inputs: [[1, 5, 5, 1]], run: ([x]) => avgPool2d(x, [3, 3], [2, 2], 'same') },
  ],
});
