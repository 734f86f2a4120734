// The classic memory test, as the app's ready-made comparison runs it (examples/adding-*.json):
// on sequences of 50 steps an LSTM gets far below guessing the mean, a SimpleRNN of the same size
// does not (its gradient through 50 steps vanishes).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../setup';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { ADDING_BASELINE_MSE } from '../../../src-engine/data/sequences';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import type { GraphDoc } from '../../../src-shared/graphFormat';

/** Validation losses per epoch; with `until`, training stops at the first epoch below it. */
async function validationLosses(example: string, until?: number): Promise<number[]> {
  const doc = JSON.parse(readFileSync(example, 'utf8')) as GraphDoc;
  const options = doc.training.datasetOptions ?? {};
  const dataset = createGeneratedDataset(doc.training.dataset, {
    samples: options.samples,
    seed: options.seed ?? doc.training.seed,
  });
  const prepared = prepareRun(doc, dataset);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const losses: number[] = [];
  await train(prepared.run.setup, (e) => e.event === 'epoch' && losses.push(e.valLoss!), {
    shouldStop: () => until !== undefined && losses.length > 0 && losses[losses.length - 1] < until,
  });
  return losses;
}

describe('adding problem, length 50', () => {
  it('the examples compare layers of the same size on the same data', () => {
    const lstm = JSON.parse(readFileSync('examples/adding-lstm.json', 'utf8')) as GraphDoc;
    const rnn = JSON.parse(readFileSync('examples/adding-rnn.json', 'utf8')) as GraphDoc;
    expect(lstm.training).toEqual(rnn.training);
    expect([lstm.nodes[1].type, rnn.nodes[1].type]).toEqual(['LSTM', 'SimpleRNN']);
    expect(lstm.nodes[1].params?.units).toBe(rnn.nodes[1].params?.units);
    expect(createGeneratedDataset(lstm.training.dataset).inputShape).toEqual([50, 2]);
  });

  it("an LSTM gets below 10% of the baseline MSE within the example's epochs", async () => {
    // Stops at the first epoch below the bar: the remaining epochs would only take time.
    const losses = await validationLosses('examples/adding-lstm.json', 0.1 * ADDING_BASELINE_MSE);
    expect(losses.length).toBeLessThanOrEqual(15);
    expect(losses[losses.length - 1]).toBeLessThan(0.1 * ADDING_BASELINE_MSE);
  });

  it('a SimpleRNN of the same size never gets far from the baseline', async () => {
    const losses = await validationLosses('examples/adding-rnn.json');
    expect(losses).toHaveLength(15);
    expect(Math.min(...losses)).toBeGreaterThan(0.5 * ADDING_BASELINE_MSE);
  });
});
