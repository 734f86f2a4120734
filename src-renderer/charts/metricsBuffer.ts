// A run's metrics in the shape the database returns them (RunMetrics), filled either from live
// engine events or from runs.metrics(): the charts read only this, so both look the same.
import type { EpochMetric, LayerMetric, RunMetrics, StepMetric } from '../../src-shared/api';
import type { EngineEvent } from '../../src-shared/engineEvents';
import { StepSeries } from './stepSeries';

export class MetricsBuffer {
  readonly epochs: EpochMetric[] = [];
  readonly layers: LayerMetric[] = [];
  readonly steps = new StepSeries();
  /** Steps seen, for progress; the series itself is bucketed. */
  lastStep = 0;

  static fromRunMetrics(m: RunMetrics): MetricsBuffer {
    const b = new MetricsBuffer();
    for (const s of [...m.steps].sort((x, y) => x.step - y.step)) b.addStep(s);
    for (const e of [...m.epochs].sort((x, y) => x.epoch - y.epoch)) b.addEpoch(e);
    b.layers.push(...m.layers);
    return b;
  }

  /** Returns true when the event added something to draw. */
  apply(event: EngineEvent): boolean {
    if (event.event === 'step') {
      this.addStep({ step: event.step, epoch: event.epoch, loss: event.loss });
      return true;
    }
    if (event.event !== 'epoch') return false;
    this.addEpoch({
      epoch: event.epoch,
      step: event.step,
      trainLoss: event.trainLoss,
      trainAcc: event.trainAcc,
      valLoss: event.valLoss,
      valAcc: event.valAcc,
      valR2: event.valR2,
      valClassAcc: event.valClassAcc,
      trainObjective: event.trainObjective,
      valObjective: event.valObjective,
      valEntropy: event.valEntropy,
      ...(event.outputs ? { outputs: event.outputs } : {}),
      lr: event.lr,
      elapsedMs: event.elapsedMs,
      samplesPerSec: event.samplesPerSec,
    });
    for (const [nodeId, d] of Object.entries(event.layers)) this.layers.push({ ...d, epoch: event.epoch, nodeId });
    return true;
  }

  private addStep(s: StepMetric): void {
    if (s.step <= this.lastStep && this.steps.size) return; // a repeated update
    this.steps.add(s.step, s.loss);
    this.lastStep = s.step;
  }

  private addEpoch(e: EpochMetric): void {
    if (this.epochs.some((x) => x.epoch === e.epoch)) return;
    this.epochs.push(e);
    this.lastStep = Math.max(this.lastStep, e.step);
  }
}
