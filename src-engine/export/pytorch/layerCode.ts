// One line of PyTorch per LayerLab layer: the module it needs (if any) and the expression of its
// output. Image tensors ([h, w, c] in LayerLab) are held channels-first ([N, c, h, w]) in PyTorch;
// Flatten and Reshape go through channels-last so the values keep LayerLab's order exactly.
import { axisPadding, axisPads } from '../../kernels/convGeometry';
import { paddingOf } from '../../layers/convolutional';
import type { Padding } from '../../kernels/kernelNames';
import type { ValidatedNode } from '../../graph/validate';
import { ExportError } from './stateMapping';

export interface LayerCode {
  /** Constructor expression of the node's module, e.g. `nn.Linear(4, 16)`. */
  module?: string;
  /** The output before the layer's activation (self.<name> refers to the module). */
  linear: string;
  /** The activation applied to `linear` (LayerLab's name), when the layer has one. */
  activation?: string;
}

const isImage = (shape: number[]): boolean => shape.length === 3;
const py = (v: unknown): string =>
  typeof v === 'boolean'
    ? v
      ? 'True'
      : 'False'
    : Array.isArray(v)
      ? `(${v.map(py).join(', ')}${v.length === 1 ? ',' : ''})`
      : String(v);

/** The activation named in LayerLab, as a PyTorch expression of `x` (an image when channels-first). */
export function activationCode(name: string, x: string, image: boolean, alpha = 0.01): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return `F.relu(${x})`;
    case 'leaky_relu':
      return `F.leaky_relu(${x}, ${alpha})`;
    case 'sigmoid':
      return `torch.sigmoid(${x})`;
    case 'tanh':
      return `torch.tanh(${x})`;
    case 'softmax':
      return `torch.softmax(${x}, dim=${image ? 1 : -1})`;
  }
  throw new ExportError(`activation "${name}" has no PyTorch mapping`);
}

/** F.pad amounts (left, right, top, bottom) of a layer's padding ("same" or explicit), or null for none. */
function samePads(
  input: number[],
  window: [number, number],
  stride: [number, number],
  p: Record<string, unknown>,
): number[] | null {
  const padding: Padding = paddingOf(p);
  const pads = [
    ...axisPads(input[1], window[1], stride[1], axisPadding(padding, 1)),
    ...axisPads(input[0], window[0], stride[0], axisPadding(padding, 0)),
  ];
  return pads.some((v) => v > 0) ? pads : null;
}

export function layerCode(node: ValidatedNode, self: string, inputs: string[]): LayerCode {
  const p = node.params;
  const [a] = inputs;
  const inShape = node.inputShapes[0] ?? [];
  const image = isImage(inShape);
  switch (node.def.type) {
    case 'Dense':
      return {
        module: `nn.Linear(${inShape[0]}, ${p.units}, bias=${py(p.useBias)})`,
        linear: `${self}(${a})`,
        activation: p.activation as string,
      };
    case 'Conv2D': {
      const k = p.kernelSize as [number, number];
      const s = p.strides as [number, number];
      const pads = samePads(inShape, k, s, p);
      return {
        module: `nn.Conv2d(${inShape[2]}, ${p.filters}, kernel_size=${py(k)}, stride=${py(s)}, bias=${py(p.useBias)})`,
        linear: `${self}(${pads ? `F.pad(${a}, ${py(pads)})` : a})`,
        activation: p.activation as string,
      };
    }
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const k = p.poolSize as [number, number];
      const s = (p.strides as [number, number] | undefined) ?? k;
      const pads = samePads(inShape, k, s, p);
      if (node.def.type === 'MaxPool2D')
        return { linear: `F.max_pool2d(${pads ? `F.pad(${a}, ${py(pads)}, value=float('-inf'))` : a}, ${py(k)}, ${py(s)})` };
      // Padded cells are not counted in a mean (as LayerLab): divide by the pooled count of real cells.
      if (!pads) return { linear: `F.avg_pool2d(${a}, ${py(k)}, ${py(s)})` };
      return {
        linear: `F.avg_pool2d(F.pad(${a}, ${py(pads)}), ${py(k)}, ${py(s)}) / F.avg_pool2d(F.pad(torch.ones_like(${a}[:, :1]), ${py(pads)}), ${py(k)}, ${py(s)})`,
      };
    }
    case 'Flatten':
      return { linear: image ? `${a}.permute(0, 2, 3, 1).reshape(${a}.shape[0], -1)` : `${a}.reshape(${a}.shape[0], -1)` };
    case 'Reshape': {
      const target = p.targetShape as number[];
      const flat = image ? `${a}.permute(0, 2, 3, 1)` : a;
      const shaped = `${flat}.reshape(${a}.shape[0], ${target.join(', ')})`;
      return { linear: isImage(target) ? `${shaped}.permute(0, 3, 1, 2)` : shaped };
    }
    case 'ReLU':
      return { linear: a, activation: 'relu' };
    case 'LeakyReLU':
      return { linear: `F.leaky_relu(${a}, ${p.alpha})` };
    case 'Sigmoid':
      return { linear: a, activation: 'sigmoid' };
    case 'Tanh':
      return { linear: a, activation: 'tanh' };
    case 'Softmax':
      return { linear: a, activation: 'softmax' };
    case 'Identity':
      return { linear: a };
    case 'Dropout':
      return { linear: `F.dropout(${a}, p=${p.rate}, training=self.training)` };
    case 'BatchNorm':
      return {
        module: `BatchNorm(${inShape[inShape.length - 1]}, momentum=${1 - (p.momentum as number)}, eps=${p.epsilon})`,
        linear: `${self}(${a})`,
      };
    case 'Add':
      return { linear: inputs.join(' + ') };
    case 'Concat':
      return { linear: `torch.cat([${inputs.join(', ')}], dim=${image ? 1 : -1})` };
    case 'Embedding':
      return { module: `nn.Embedding(${p.vocabSize}, ${p.dimension})`, linear: `${self}(${a}.long())` };
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU': {
      const args = [
        `'${node.def.type}'`,
        inShape[1],
        p.units,
        `use_bias=${py(p.useBias)}`,
        `learned_initial=${py(p.initialState === 'learned')}`,
        `return_sequences=${py(p.returnSequences)}`,
        ...(node.def.type === 'SimpleRNN' ? [`activation='${p.activation}'`] : []),
      ];
      if (node.def.type === 'SimpleRNN') activationCode(p.activation as string, 'x', false);
      return { module: `Recurrent(${args.join(', ')})`, linear: `${self}(${a})` };
    }
    case 'SliceSteps': {
      const start = (p.start as number) < 0 ? inShape[0] + (p.start as number) : (p.start as number);
      return { linear: `${a}[:, ${start}:${start + (p.length as number)}]` };
    }
    case 'Dot':
      return { linear: `(${inputs[0]} * ${inputs[1]}).sum(-1${inShape.length === 1 ? ', keepdim=True' : ''})` };
    case 'GlobalAveragePool1D':
      return { linear: `${a}.mean(1${p.keepSteps ? ', keepdim=True' : ''})` };
    case 'GlobalMaxPool1D':
      return { linear: `${a}.amax(1${p.keepSteps ? ', keepdim=True' : ''})` };
  }
  throw new ExportError(`node "${node.id}": layer type ${node.def.type} has no PyTorch mapping`);
}
