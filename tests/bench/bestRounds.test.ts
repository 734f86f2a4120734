// The training bench alternates LayerLab and PyTorch in rounds and keeps each engine's best round.
import { describe, expect, it } from 'vitest';
import { bestRounds } from '../../bench/training';
import type { Measurement } from '../../bench/peers/common';

const m = (engine: string, samplesPerSec: number | null): Measurement => ({
  engine,
  model: 'mlp',
  samplesPerSec,
  steps: 1,
  seconds: 1,
  rssMB: 1,
});

describe('bestRounds', () => {
  it("keeps each engine's fastest round, in the order the engines first ran", () => {
    const rounds = [m('layerlab', 100), m('pytorch, 1 thread', 80), m('pytorch, 2 threads', 90)];
    const again = [m('layerlab', 120), m('pytorch, 1 thread', 70), m('pytorch, 2 threads', 95)];
    expect(bestRounds([...rounds, ...again]).map((r) => [r.engine, r.samplesPerSec])).toEqual([
      ['layerlab', 120],
      ['pytorch, 1 thread', 80],
      ['pytorch, 2 threads', 95],
    ]);
  });

  it('keeps a failed round only when no round of that engine succeeded', () => {
    const kept = bestRounds([m('layerlab', null), m('tfjs', null), m('layerlab', 50)]);
    expect(kept.map((r) => [r.engine, r.samplesPerSec])).toEqual([
      ['layerlab', 50],
      ['tfjs', null],
    ]);
  });
});
