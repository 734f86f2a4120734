// An engine `epoch` event with plausible figures for epoch n, for tests of what stores and charts
// do with epochs; `extra` adds or overrides fields.
import type { EngineEvent } from '../../src-shared/engineEvents';

export type EpochEvent = Extract<EngineEvent, { event: 'epoch' }>;

export function epochEvent(n: number, extra: Partial<EpochEvent> = {}): EpochEvent {
  return {
    event: 'epoch',
    epoch: n,
    step: n * 10,
    trainLoss: 1 / n,
    lr: 0.01,
    elapsedMs: n * 5,
    samplesPerSec: 500,
    layers: {},
    ...extra,
  };
}
