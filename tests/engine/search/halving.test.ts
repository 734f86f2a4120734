// Successive halving: rungs and stopping decisions by hand, then on spiral: the same trials reach
// a comparable best while spending far fewer epochs than training every trial to the end.
import { describe, expect, it } from 'vitest';
import '../setup';
import {
  SuccessiveHalving,
  quantile,
  planSearch,
  parseSearchParams,
  halvingBudget,
  largestEpochs,
} from '../../../src-engine/search';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { HalvingSpec } from '../../../src-shared/searchSpec';

describe('successive halving by hand', () => {
  it('puts rungs at minEpochs·η^k below the budget', () => {
    expect(new SuccessiveHalving({ minEpochs: 1, reduction: 3 }, 27, true).rungs).toEqual([1, 3, 9]);
    expect(new SuccessiveHalving({ minEpochs: 2, reduction: 2 }, 16, true).rungs).toEqual([2, 4, 8]);
    expect(new SuccessiveHalving({ minEpochs: 5, reduction: 2 }, 6, true).rungs).toEqual([5]);
  });

  it('interpolates quantiles like numpy', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3], 2 / 3)).toBeCloseTo(7 / 3, 12);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('stops a trial below the best 1/η of those that reached the rung before it', () => {
    const h = new SuccessiveHalving({ minEpochs: 1, reduction: 3 }, 9, true);
    expect(h.report('a', 1, 0.5)).toBe('continue'); // first at the rung
    expect(h.report('b', 1, 0.4)).toBe('continue'); // cutoff: −0.5; −0.4 is above
    // Scores so far (−loss) −0.5, −0.4: their ⅔-quantile is −0.5 + ⅔·0.1 = −0.4333; −0.6 is below.
    expect(h.report('c', 1, 0.6)).toBe('stop');
    // −0.6, −0.5, −0.4: ⅔-quantile −0.4667; −0.45 is above.
    expect(h.report('d', 1, 0.45)).toBe('continue');
    expect(h.report('a', 2, 9)).toBe('continue'); // no rung at 2
    expect(h.report('a', 3, 0.3)).toBe('continue'); // first at rung 3
    expect(h.report('b', 3, 0.35)).toBe('stop'); // −0.35 < −0.3
    expect(h.report('d', 1, 0.1)).toBe('continue'); // a rung counts once per trial
    expect(h.report('e', 1, Number.NaN)).toBe('stop');
    // Accuracy: higher is better.
    const acc = new SuccessiveHalving({ minEpochs: 1, reduction: 2 }, 4, false);
    expect(acc.report('a', 1, 0.8)).toBe('continue');
    expect(acc.report('b', 1, 0.7)).toBe('stop');
  });
});

describe('successive halving when epochs is searched', () => {
  it('lays its rungs out to the longest trial, not the base graph', () => {
    const base = spiral(4);
    const params = parseSearchParams(['epochs=6,12,27', 'lr=1e-3..1e-1:log'], base);
    // The base trains 4 epochs; a first rung at 3 is still fine, one at 9 is before the longest trial's end.
    const trials = planSearch(base, {
      method: 'grid',
      params: parseSearchParams(['epochs=6,12,27'], base),
      halving: { minEpochs: 9, reduction: 3 },
    });
    expect(trials.map((t) => t.graph.training.epochs)).toEqual([6, 12, 27]);
    expect(halvingBudget(trials)).toBe(27);
    expect(new SuccessiveHalving({ minEpochs: 1, reduction: 3 }, halvingBudget(trials), true).rungs).toEqual([1, 3, 9]);
    expect(largestEpochs(params, base.training.epochs)).toBe(27);
    expect(largestEpochs(parseSearchParams(['epochs=5..40:int'], base), 4)).toBe(40);
    expect(largestEpochs(parseSearchParams(['lr=1e-3..1e-1:log'], base), 4)).toBe(4);
    // Every trial shorter than the first rung: halving would never act, so the plan is refused.
    expect(() =>
      planSearch(base, {
        method: 'grid',
        params: parseSearchParams(['epochs=2,3'], base),
        halving: { minEpochs: 3, reduction: 2 },
      }),
    ).toThrow('the first rung (3 epochs) must come before the last epoch (3)');
  });
});

function spiral(epochs: number): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [2] } },
      { id: 'hidden', type: 'Dense', params: { units: 16, activation: 'tanh' } },
      { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' } },
    ],
    edges: [
      { source: 'input', target: 'hidden' },
      { source: 'hidden', target: 'output' },
    ],
    training: {
      dataset: 'spiral',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 32,
      epochs,
      seed: 1,
      validationSplit: 0.25,
    },
  };
}

/** Trains each trial in turn; with halving, a trial stops after the rung epoch that rules it out. */
async function search(halving?: HalvingSpec) {
  const base = spiral(27);
  const dataset = createGeneratedDataset('spiral', { seed: 1, samples: 300 });
  const trials = planSearch(base, {
    method: 'random',
    trials: 9,
    seed: 11,
    params: parseSearchParams(['lr=1e-4..3e-1:log', 'hidden.units=2..32:int'], base),
  });
  const rule = halving && new SuccessiveHalving(halving, base.training.epochs, true);
  let epochsSpent = 0;
  const finals: number[] = [];
  for (const t of trials) {
    const prepared = prepareRun(t.graph, dataset);
    if (!prepared.ok) throw new Error('trial cannot train');
    let stop = false;
    let last = Infinity;
    await train(
      prepared.run.setup,
      (e) => {
        if (e.event !== 'epoch') return;
        epochsSpent++;
        last = e.valLoss!;
        if (rule?.report(String(t.index), e.epoch, e.valLoss) === 'stop') stop = true;
      },
      { shouldStop: () => stop },
    );
    finals.push(last);
  }
  return { epochsSpent, best: Math.min(...finals) };
}

describe('successive halving on spiral', () => {
  it('finds a comparable best with far fewer epochs than training all 9 trials to 27 epochs', async () => {
    const full = await search();
    const halved = await search({ minEpochs: 3, reduction: 3 });
    expect(full.epochsSpent).toBe(9 * 27);
    expect(halved.epochsSpent).toBeLessThan(0.6 * full.epochsSpent);
    expect(halved.best).toBeLessThanOrEqual(full.best * 1.1);
  });
});
