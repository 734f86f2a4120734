// The exported train.py under torchrun (2 processes, DDP on gloo, CPU) trains like LayerLab, and
// its weights come back: LayerLab loads them, scores the same validation loss, and goes on training.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportAndPredict, jsonLines, runPython, trainGraph } from './exportHelpers';
import { setUpModel } from '../../src-cli/modelSetup';
import { evaluate, train } from '../../src-engine/train/trainer';
import { decodeWeightsFile, loadModelTensors } from '../../src-engine/export/weightsFile';
import { fromPytorchTensors } from '../../src-engine/export/pytorch/stateMapping';
import type { EngineEvent } from '../../src-shared/engineEvents';

interface TorchEpoch {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  valAcc: number;
}

/** torchrun with two CPU processes. Debian's torch 1.13 on Python 3.11 needs explicit --redirects/--tee (its default "0" parses to None). */
async function torchrun(folder: string, epochs: number): Promise<TorchEpoch[]> {
  const r = await runPython(
    [
      '-m',
      'torch.distributed.run',
      '--redirects',
      '1',
      '--tee',
      '1',
      '--nproc_per_node',
      '2',
      'train.py',
      '--epochs',
      String(epochs),
      '--out',
      'trained.safetensors',
    ],
    { cwd: folder },
  );
  expect(r.code, r.stderr.slice(-2000)).toBe(0);
  const lines = jsonLines<TorchEpoch & { rank: number; saved?: string }>(r.stdout);
  expect(lines.some((l) => l.saved)).toBe(true);
  return lines.filter((l) => l.rank === 0 && l.epoch !== undefined);
}

type Epoch = Extract<EngineEvent, { event: 'epoch' }>;

describe('torchrun trains the exported folder', () => {
  it('iris: one more epoch from trained weights, in LayerLab and under torchrun, ends within 2 points; the weights come back and training goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-torchrun-iris-'));
    const { setup } = await trainGraph('examples/iris-mlp.json', 40);
    const { folder } = exportAndPredict(setup, dir);

    const [torchEpoch] = await torchrun(folder, 1);
    const layerlab: EngineEvent[] = [];
    await train({ ...setup.run.setup, epochs: 1 }, (e) => layerlab.push(e));
    const ours = layerlab.find((e): e is Epoch => e.event === 'epoch')!;
    expect(Math.abs(torchEpoch.valAcc - ours.valAcc!)).toBeLessThanOrEqual(0.02);

    // Round trip: PyTorch's weights in LayerLab give PyTorch's validation loss, and training continues from there.
    const back = await setUpModel('examples/iris-mlp.json', {});
    const file = decodeWeightsFile(readFileSync(join(folder, 'trained.safetensors')));
    expect(file.layout).toBe('pytorch');
    loadModelTensors(back.run.model, fromPytorchTensors(back.run.model, file.tensors));
    const s = back.run.setup;
    const scored = await evaluate(s, s.validation!, 'softmax', 0.5);
    expect(Math.abs(scored.loss - torchEpoch.valLoss)).toBeLessThan(1e-4);
    const fresh = await evaluate((await setUpModel('examples/iris-mlp.json', {})).run.setup, s.validation!, 'softmax', 0.5);
    const continued: EngineEvent[] = [];
    await train({ ...s, epochs: 1 }, (e) => continued.push(e));
    const next = continued.find((e): e is Epoch => e.event === 'epoch')!;
    // Continuous: the next epoch's loss is of PyTorch's size (rank 0 reports its half), far below an untrained model's.
    expect(next.trainLoss).toBeLessThan(torchEpoch.trainLoss * 2);
    expect(next.trainLoss).toBeLessThan(fresh.loss / 3);
  });

  it('mnist-cnn: one epoch from the same initial weights, in LayerLab and under torchrun, ends within 2 points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-torchrun-mnist-'));
    const setup = await setUpModel('examples/mnist-cnn.json', {});
    const { folder } = exportAndPredict(setup, dir);
    const torchDone = torchrun(folder, 1);
    const events: EngineEvent[] = [];
    await train({ ...setup.run.setup, epochs: 1 }, (e) => events.push(e));
    const [torchEpoch] = await torchDone;
    const ours = events.find((e): e is Epoch => e.event === 'epoch')!;
    expect(ours.valAcc!).toBeGreaterThan(0.85);
    expect(Math.abs(torchEpoch.valAcc - ours.valAcc!)).toBeLessThanOrEqual(0.02);
  });
});
