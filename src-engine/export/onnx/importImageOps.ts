// The image operators of the ONNX import: Conv, MaxPool/AveragePool, Flatten, Reshape and the
// Transposes between channels-first and channels-last. Each becomes a LayerLab layer on [h, w, c]
// values (or is absorbed, for a Transpose), or says why it cannot.
import type onnxProto from 'onnx-proto';
import type { NamedTensor } from '../safetensors';
import { oihwToHwio, paddingFromPads, windowOutput } from './imageLayout';

type Layout = 'nchw' | 'nhwc';

export interface ImageImportContext {
  consts: Map<string, { dims: number[]; data: Float32Array }>;
  layout: Map<string, Layout>;
  hwc: Map<string, number[]>;
  producer: Map<string, string>;
  tensors: NamedTensor[];
  add: (
    id: string,
    type: string,
    params: Record<string, unknown>,
    from: string[],
    output: string,
    shaped?: { layout: Layout; shape: number[] },
  ) => void;
}

const IMAGE_OPS = new Set(['Conv', 'MaxPool', 'AveragePool', 'Flatten', 'Reshape', 'Transpose']);

/** 'done' when the node was imported, a reason when it is an image operator that can't be, else undefined. */
export function importImageOp(
  n: onnxProto.onnx.INodeProto,
  ins: string[],
  id: string,
  ctx: ImageImportContext,
): 'done' | string | undefined {
  const op = n.opType ?? '';
  if (!IMAGE_OPS.has(op)) return undefined;
  const [x] = ins;
  const source = ctx.producer.get(x);
  if (!source) return undefined;
  const out = n.output?.[0] ?? '';
  const attr = (name: string) => n.attribute?.find((a) => a.name === name);
  const ints = (name: string, fallback: number[]) => {
    const a = attr(name);
    return a?.ints?.length ? a.ints.map(Number) : fallback;
  };
  const layout = ctx.layout.get(x);
  const shape = ctx.hwc.get(x);
  const alias = (to: Layout) => {
    ctx.producer.set(out, source);
    ctx.layout.set(out, to);
    ctx.hwc.set(out, shape!);
  };

  if (op === 'Transpose') {
    const perm = ints('perm', []).join(',');
    if (layout === 'nhwc' && perm === '0,3,1,2') return (alias('nchw'), 'done');
    if (layout === 'nchw' && perm === '0,2,3,1') return (alias('nhwc'), 'done');
    return `only the channels-first ↔ channels-last permutations of an image map (perm ${perm || 'reversed'})`;
  }
  if (op === 'Reshape') {
    const target = ctx.consts.get(ins[1]);
    if (!target) return 'its shape is computed, not a constant';
    if (layout === 'nchw') return 'reshapes a channels-first image (LayerLab reshapes channels-last)';
    const targetShape = Array.from(target.data).slice(1);
    if (targetShape.some((d) => d <= 0)) return `target shape [${Array.from(target.data).join(', ')}] has unknown sizes`;
    ctx.add(
      id,
      'Reshape',
      { targetShape },
      [source],
      out,
      targetShape.length === 3 ? { layout: 'nhwc', shape: targetShape } : undefined,
    );
    return 'done';
  }
  if (op === 'Flatten') {
    if (Number(attr('axis')?.i ?? 1) !== 1) return 'only axis 1 (keep the batch) maps';
    // LayerLab flattens [h, w, c]; a channels-first image flattens the same only with one channel or one pixel.
    if (layout === 'nchw' && shape && shape[2] !== 1 && shape[0] * shape[1] !== 1)
      return 'flattens a channels-first image (LayerLab flattens channels-last)';
    ctx.add(id, 'Flatten', {}, [source], out);
    return 'done';
  }
  // Conv and the pools work on channels-first images.
  if (layout !== 'nchw' || !shape) return 'its input is not a channels-first image';
  const hw: [number, number] = [shape[0], shape[1]];
  if (ints('dilations', [1, 1]).some((d) => d !== 1)) return 'dilations other than 1 have no LayerLab layer';
  const autoPad = attr('auto_pad')?.s;
  if (autoPad && autoPad.length && new TextDecoder().decode(autoPad) !== 'NOTSET') return 'auto_pad has no mapping; pads do';
  const strides = ints('strides', [1, 1]) as [number, number];
  const pads = ints('pads', [0, 0, 0, 0]);
  if (op === 'Conv') {
    const weight = ctx.consts.get(ins[1]);
    if (!weight || weight.dims.length !== 4) return 'its weight is not a constant 4-D tensor';
    if (Number(attr('group')?.i ?? 1) !== 1) return 'grouped convolutions have no LayerLab layer';
    const kernelSize = [weight.dims[2], weight.dims[3]] as [number, number];
    const padding = paddingFromPads(hw, kernelSize, strides, pads);
    if (!padding) return `pads [${pads.join(', ')}] are neither same, valid nor symmetric`;
    const filters = weight.dims[0];
    const kernel = oihwToHwio(weight.data, weight.dims);
    const bias = ins[2] ? ctx.consts.get(ins[2]) : undefined;
    ctx.tensors.push(
      { name: `${id}.kernel`, shape: kernel.shape, data: kernel.data },
      { name: `${id}.bias`, shape: [filters], data: bias ? Float32Array.from(bias.data) : new Float32Array(filters) },
    );
    const params = { filters, kernelSize, strides, ...padding, activation: 'linear', useBias: true };
    ctx.add(id, 'Conv2D', params, [source], out, {
      layout: 'nchw',
      shape: [...windowOutput(hw, kernelSize, strides, pads), filters],
    });
    return 'done';
  }
  const poolSize = ints('kernel_shape', []) as [number, number];
  if (poolSize.length !== 2) return 'only 2-D windows map';
  if (Number(attr('ceil_mode')?.i ?? 0) !== 0) return 'ceil_mode has no LayerLab setting';
  const padding = paddingFromPads(hw, poolSize, strides, pads);
  // LayerLab's pools pad only as "same" and never count padded cells in a mean.
  if (!padding || padding.padding === 'explicit') return `pads [${pads.join(', ')}] are neither same nor valid`;
  if (op === 'AveragePool' && Number(attr('count_include_pad')?.i ?? 0) !== 0 && pads.some((p) => p > 0))
    return 'count_include_pad=1 counts padding in the mean (LayerLab does not)';
  const type = op === 'MaxPool' ? 'MaxPool2D' : 'AvgPool2D';
  ctx.add(id, type, { poolSize, strides, ...padding }, [source], out, {
    layout: 'nchw',
    shape: [...windowOutput(hw, poolSize, strides, pads), shape[2]],
  });
  return 'done';
}
