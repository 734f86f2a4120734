// Proximal L1 travels to train.py: one full-batch SGD epoch with the soft-threshold step gives
// LayerLab's weights in PyTorch, exact zeros included.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportAndPredict, runPython } from './exportHelpers';
import { setUpModel } from '../../src-cli/modelSetup';
import { train } from '../../src-engine/train/trainer';
import { decodeWeightsFile, loadModelTensors, modelTensors } from '../../src-engine/export/weightsFile';
import { fromPytorchTensors } from '../../src-engine/export/pytorch/stateMapping';

const FLAGS = { optimizer: 'sgd', lr: 0.5, l1: 0.02, 'l1-proximal': true, 'batch-size': 1024, epochs: 1 };

describe('proximal L1 in the exported train.py', () => {
  it('soft-thresholds after the update as LayerLab does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-proximal-'));
    const setup = await setUpModel('examples/iris-mlp.json', FLAGS);
    const { folder } = exportAndPredict(setup, dir);
    const r = await runPython(['train.py', '--epochs', '1', '--out', 'trained.safetensors'], { cwd: folder });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);

    await train(setup.run.setup, () => undefined);
    const ours = modelTensors(setup.run.model);

    const back = await setUpModel('examples/iris-mlp.json', FLAGS);
    const file = decodeWeightsFile(readFileSync(join(folder, 'trained.safetensors')));
    loadModelTensors(back.run.model, fromPytorchTensors(back.run.model, file.tensors));
    const theirs = modelTensors(back.run.model);

    let largest = 0;
    let zerosOurs = 0;
    let zerosTheirs = 0;
    for (const [i, t] of ours.entries()) {
      const u = theirs[i]!;
      expect(u.name).toBe(t.name);
      for (let j = 0; j < t.data.length; j++) largest = Math.max(largest, Math.abs(t.data[j]! - u.data[j]!));
      if (t.name.endsWith('kernel')) {
        zerosOurs += t.data.filter((v) => v === 0).length;
        zerosTheirs += u.data.filter((v) => v === 0).length;
      }
    }
    expect(largest).toBeLessThan(1e-5);
    // The step sets weights within lr·l1 of zero to exactly 0, on both sides.
    expect(zerosOurs).toBeGreaterThan(0);
    expect(Math.abs(zerosTheirs - zerosOurs)).toBeLessThanOrEqual(1);
  });
});
