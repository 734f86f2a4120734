// A PyTorch export folder, as bytes per file name: model.py, train.py, README.md,
// weights.safetensors (PyTorch names and layouts, preprocessing buffers included) and data.npz
// (raw train and validation samples, channels-first). Anything without an exact mapping is
// refused by name before a file is made.
import type { Model } from '../../graph/model';
import type { LossDef } from '../../losses';
import type { DataSplit } from '../../data/types';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { Preprocessing } from '../preprocessing';
import { encodeSafetensors, type NamedTensor } from '../safetensors';
import { encodeNpz, type NpyArray } from '../npz';
import { modelTensors } from '../weightsFile';
import { preprocessingJson, whiteningTensors } from '../whiteningTensors';
import { modelPy, torchInputShape } from './modelPy';
import { trainPy } from './trainPy';
import { readmeMd } from './readmeMd';
import { ExportError, stateEntries, toPytorchTensors } from './stateMapping';
import { lossCode, optimizerCode, scheduleCode } from './trainingCode';

export interface PytorchExportInput {
  model: Model;
  graph: GraphDoc;
  loss: LossDef;
  preprocessing: Preprocessing;
  train: DataSplit;
  validation: DataSplit;
  title: string;
}

/** Refuses, by name and node, whatever has no exact PyTorch counterpart. */
export function checkPytorchExport(model: Model, graph: GraphDoc, loss: LossDef): void {
  const problems: string[] = [];
  const attempt = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof ExportError) problems.push(e.message);
      else throw e;
    }
  };
  attempt(() => lossCode(loss.name, graph.training.lossOptions));
  for (const h of model.validated.heads ?? []) attempt(() => lossCode(h.loss.name));
  attempt(() => optimizerCode(graph.training.optimizer));
  attempt(() => scheduleCode(graph.training.optimizer.lr, graph.training.optimizer.schedule));
  attempt(() => stateEntries(model));
  // Initializers need no mapping: train.py starts from the exported weights, whatever made them.
  attempt(() => modelPy(model, loss, { task: 'regression', inputShape: [1], columns: [], outputNames: [] }, 'check'));
  if (problems.length) throw new ExportError(`cannot export to PyTorch: ${[...new Set(problems)].join('; ')}`);
}

/** [N, h, w, c] rows → [N, c, h, w] (other shapes unchanged). */
export function channelsFirst(x: Float32Array, shape: number[]): Float32Array {
  if (shape.length !== 3) return x;
  const [h, w, c] = shape;
  const size = h * w * c;
  const out = new Float32Array(x.length);
  for (let n = 0; n < x.length / size; n++) {
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++)
        for (let k = 0; k < c; k++) out[n * size + (k * h + i) * w + j] = x[n * size + (i * w + j) * c + k];
  }
  return out;
}

function preprocessBuffers(pre: Preprocessing): NamedTensor[] {
  if (pre.whitening) return whiteningTensors(pre, 'pytorch');
  const shape = torchInputShape(pre.inputShape);
  const size = shape.reduce((a, b) => a * b, 1);
  const offset = pre.scaling ? Float32Array.from(pre.scaling.offset) : new Float32Array(size);
  const factor = pre.scaling ? Float32Array.from(pre.scaling.factor) : new Float32Array(size).fill(1);
  return [
    { name: 'preprocess.offset', shape, data: channelsFirst(offset, pre.inputShape) },
    { name: 'preprocess.factor', shape, data: channelsFirst(factor, pre.inputShape) },
  ];
}

function splitArrays(split: DataSplit, which: 'train' | 'val', pre: Preprocessing, targetWidth: number): NpyArray[] {
  const x: NpyArray = {
    name: `x_${which}`,
    shape: [split.count, ...torchInputShape(pre.inputShape)],
    data: channelsFirst(split.x, pre.inputShape),
  };
  // Several outputs read their own columns of one float row per sample (a class column holds its index).
  const y: NpyArray =
    pre.task === 'classification' && !pre.outputs
      ? { name: `y_${which}`, shape: [split.count], data: BigInt64Array.from(split.y, (v) => BigInt(v)) }
      : { name: `y_${which}`, shape: [split.count, targetWidth], data: split.y };
  return [x, y];
}

export function exportPytorch(input: PytorchExportInput): Map<string, Uint8Array> {
  const { model, graph, loss, preprocessing: pre } = input;
  checkPytorchExport(model, graph, loss);
  const entries = stateEntries(model);
  const width = model.outputNode.outputShape.reduce((a, b) => a * b, 1);
  const targetWidth = pre.task === 'regression' || pre.outputs ? input.train.y.length / Math.max(1, input.train.count) : 1;
  const heads = (model.validated.heads ?? []).map((h) => ({
    node: h.nodeId,
    columns: h.columns,
    width: h.width,
    weight: h.weight,
    loss: h.loss.name,
    classes: h.task === 'classification',
  }));
  const weights = [...preprocessBuffers(pre), ...toPytorchTensors(model, modelTensors(model))];
  const text = (s: string) => new TextEncoder().encode(s);
  return new Map<string, Uint8Array>([
    ['model.py', text(modelPy(model, loss, pre, input.title))],
    ['train.py', text(trainPy(graph, pre, entries, width, loss.name, loss.absorbs, heads))],
    ['README.md', text(readmeMd(graph, pre, input.title))],
    [
      'weights.safetensors',
      encodeSafetensors(weights, {
        format: 'layerlab.weights/1',
        'layerlab.layout': 'pytorch',
        'layerlab.graph': JSON.stringify(graph),
        'layerlab.preprocessing': preprocessingJson(pre),
      }),
    ],
    [
      'data.npz',
      encodeNpz([
        ...splitArrays(input.train, 'train', pre, targetWidth),
        ...splitArrays(input.validation, 'val', pre, targetWidth),
      ]),
    ],
  ]);
}
