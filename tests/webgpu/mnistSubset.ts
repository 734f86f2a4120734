// Node side: the first digits of the built-in MNIST as the compact file the test page reads
// (uint32 train and test counts, then per part labels and pixels as bytes).
import { loadDataset } from '../../src-engine/hosts/node/datasets';

export async function mnistSubsetBytes(train: number, test: number): Promise<Uint8Array> {
  const ds = await loadDataset('mnist');
  if (!ds.test) throw new Error('the MNIST dataset has no test split');
  const out = new Uint8Array(8 + (train + test) * 785);
  const view = new DataView(out.buffer);
  view.setUint32(0, train, true);
  view.setUint32(4, test, true);
  let at = 8;
  for (const [split, count] of [
    [ds, train],
    [ds.test, test],
  ] as const) {
    for (let i = 0; i < count; i++) out[at + i] = split.y[i];
    at += count;
    for (let i = 0; i < count * 784; i++) out[at + i] = Math.round(split.x[i] * 255);
    at += count * 784;
  }
  return out;
}
