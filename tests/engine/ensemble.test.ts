// Ensembles: the mean of members' predictions on hand-computed numbers, and three tiny iris runs
// (different seeds) averaged by the engine job, checked against their own predictions.
import { describe, expect, it } from 'vitest';
import './setup';
import { accuracyOf, averageOutputs, scoreEnsemble } from '../../src-engine/train/ensemble';
import { ensembleJob } from '../../src-engine/hosts/node/runJob/ensembleJob';
import { evaluateJob, loadWeights, predictSplit } from '../../src-engine/hosts/node/runJob/evaluateJob';
import { loadGraphDataset } from '../../src-engine/hosts/node/runJob/datasetLoad';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import { ENGINE_PROTOCOL, type EngineToHost, type TensorSnapshot } from '../../src-shared/engineProtocol';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { irisGraph } from '../main/helpers/graphs';

describe('averaging predictions', () => {
  it('averages element-wise and scores members, ensemble and the best member', () => {
    // Two samples, three classes; labels 0 and 2.
    const a = [0.6, 0.3, 0.1, 0.5, 0.1, 0.4]; // right, wrong (predicts 0)
    const b = [0.2, 0.7, 0.1, 0.1, 0.1, 0.8]; // wrong (predicts 1), right
    const mean = averageOutputs([a, b]);
    [0.4, 0.5, 0.1, 0.3, 0.1, 0.6].forEach((m, i) => expect(mean[i]).toBeCloseTo(m, 6));
    const labels = [0, 2];
    expect(accuracyOf(a, labels, 3)).toBe(0.5);
    // The mean predicts class 1 for the first sample (0.5 > 0.4) and class 2 for the second.
    expect(scoreEnsemble('classification', [a, b], labels, 3)).toEqual({ members: [0.5, 0.5], ensemble: 0.5, best: 0 });
    // One probability column (binary): p > 0.5 is class 1.
    expect(
      scoreEnsemble(
        'classification',
        [
          [0.9, 0.4],
          [0.3, 0.8],
        ],
        [1, 1],
        1,
      ),
    ).toEqual({ members: [0.5, 0.5], ensemble: 1, best: 0 });
    // Regression: targets 1, 2, 3; members off by +1 and −1 everywhere average to the truth (R² = 1).
    const r = scoreEnsemble(
      'regression',
      [
        [2, 3, 4],
        [0, 1, 2],
      ],
      [1, 2, 3],
      1,
    );
    expect(r.members).toEqual([-0.5, -0.5]); // 1 − 3/2
    expect(r.ensemble).toBe(1);
    expect(() => averageOutputs([[1, 2], [1]])).toThrow('the same number of values');
  });
});

async function trainedMember(seed: number): Promise<{ name: string; graph: GraphDoc; tensors: TensorSnapshot[] }> {
  const graph = irisGraph(seed, 3);
  const prepared = prepareRun(graph, await loadGraphDataset(graph));
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  await train(prepared.run.setup, () => {});
  const tensors = prepared.run.model
    .stateTensors()
    .map((t, i) => ({ name: t.name ?? `t${i}`, shape: [...t.shape], data: Float32Array.from(t.dataSync()) }));
  return { name: graph.name!, graph, tensors };
}

async function collect(job: (post: (m: EngineToHost) => void) => Promise<void>): Promise<EngineToHost[]> {
  const messages: EngineToHost[] = [];
  await job((m) => messages.push(m));
  return messages;
}

describe('the ensemble engine job on three iris runs', () => {
  it("averages the members' probabilities on the first run's validation split and scores each", async () => {
    const members = [await trainedMember(1), await trainedMember(2), await trainedMember(3)];
    const [reply] = await collect((post) =>
      ensembleJob({ type: 'ensemble', protocol: ENGINE_PROTOCOL, members, split: 'validation' }, post),
    );
    if (reply.type !== 'ensemble') throw new Error(JSON.stringify(reply));
    const result = reply.ensemble;
    expect(result.task).toBe('classification');
    expect(result.count).toBe(45);
    expect(result.members.map((m) => m.sameSplit)).toEqual([true, false, false]);

    // Each member's predictions on run 1's split, rebuilt here: the first equals run 1's own evaluation.
    const reference = members[0].graph;
    const dataset = await loadGraphDataset(reference);
    const probabilities = members.map((m) => {
      const p = prepareRun({ ...m.graph, training: { ...m.graph.training, seed: reference.training.seed } }, dataset);
      if (!p.ok) throw new Error('does not build');
      expect(loadWeights(p.run, m.tensors)).toBeNull();
      return { outputs: predictSplit(p.run, p.run.splits.validation).outputs, labels: p.run.splits.validation.y };
    });
    const [own] = await collect((post) =>
      evaluateJob(
        { type: 'evaluate', protocol: ENGINE_PROTOCOL, graph: reference, tensors: members[0].tensors, split: 'validation' },
        post,
      ),
    );
    if (own.type !== 'evaluation') throw new Error(JSON.stringify(own));
    expect(result.members[0].score).toBeCloseTo(own.evaluation.accuracy!, 12);
    probabilities.forEach((p, i) => expect(result.members[i].score).toBeCloseTo(accuracyOf(p.outputs, p.labels, 3), 12));
    // The averaged probabilities of sample 7, by hand: (p₁ + p₂ + p₃) / 3 per class.
    const averaged = averageOutputs(probabilities.map((p) => p.outputs));
    for (let c = 0; c < 3; c++) {
      const byHand =
        (probabilities[0].outputs[7 * 3 + c] + probabilities[1].outputs[7 * 3 + c] + probabilities[2].outputs[7 * 3 + c]) / 3;
      expect(averaged[7 * 3 + c]).toBeCloseTo(byHand, 6);
    }
    expect(result.ensemble).toBeCloseTo(accuracyOf(averaged, probabilities[0].labels, 3), 12);
    expect(result.members[result.best].score).toBe(Math.max(...result.members.map((m) => m.score)));
  });

  it('refuses members of another dataset, naming the run', async () => {
    const a = await trainedMember(1);
    const b = { ...a, name: 'moons', graph: { ...a.graph, training: { ...a.graph.training, dataset: 'moons' } } };
    const [reply] = await collect((post) =>
      ensembleJob({ type: 'ensemble', protocol: ENGINE_PROTOCOL, members: [a, b], split: 'validation' }, post),
    );
    expect(reply).toEqual({ type: 'failed', message: 'run 2 ("moons") trained on "moons", not "iris" like the first run' });
  });
});
