// The gradient check says when it proves nothing: with zeros initialization no signal reaches the
// first layer, so its gradients are exactly zero and "agree" only trivially (issue #16).
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { modelGradCheck } from '../../src-engine/train/modelGradCheck';
import { cpuFloat64 } from '../../src-engine/hosts/node/cpuEngine';
import { chain } from './graphs';

function check(initializer: string) {
  const circle = createGeneratedDataset('circle', { samples: 40, seed: 2 });
  const doc = chain(
    [
      ['in', 'Input'],
      ['h', 'Dense', { units: 4, activation: 'tanh' }],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ],
    { dataset: 'circle', initializer },
  );
  const prepared = prepareRun(doc, circle);
  if (!prepared.ok) throw new Error('valid graph expected');
  const { validated, setup } = prepared.run;
  return modelGradCheck(validated, { split: setup.train, task: setup.task, inputShape: setup.inputShape }, cpuFloat64(), {
    samples: 4,
  });
}

describe('gradient check on zero gradients', () => {
  it('reports a largest gradient of 0 for the first layer’s weights under zeros init', () => {
    const errors = check('zeros');
    expect(errors.find((e) => e.nodeId === 'h' && e.param === 'kernel')?.maxGradient).toBe(0);
    expect(errors.find((e) => e.nodeId === 'h' && e.param === 'bias')?.maxGradient).toBe(0);
  });

  it('reports real gradients under a healthy init', () => {
    for (const e of check('xavier_uniform')) expect(e.maxGradient).toBeGreaterThan(0);
  });
});
