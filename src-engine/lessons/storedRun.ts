// A stored run (what the app's API returns: status, metrics, checkpoints) as a lesson's run
// data, so the app evaluates a lesson's check on exactly what it recorded.
import type { RunCheckpoint, RunMetrics, RunStatus } from '../../src-shared/api';
import type { InsightEvent, LayerDiagnostics } from '../../src-shared/engineEvents';
import type { LessonRun } from './runData';

export interface StoredRun {
  status: RunStatus;
  metrics: RunMetrics;
  initial: RunCheckpoint | null;
  final: RunCheckpoint | null;
  /** Its stored insight events, when the lesson's views draw them. */
  insights?: InsightEvent[];
}

export function lessonRunFromStored(variant: string, stored: StoredRun): LessonRun {
  const layersByEpoch = new Map<number, Record<string, LayerDiagnostics>>();
  for (const { epoch, nodeId, ...d } of stored.metrics.layers) {
    let layers = layersByEpoch.get(epoch);
    if (!layers) layersByEpoch.set(epoch, (layers = {}));
    layers[nodeId] = d;
  }
  return {
    variant,
    status: stored.status,
    epochs: stored.metrics.epochs.map((e) => ({
      epoch: e.epoch,
      step: e.step,
      trainLoss: e.trainLoss,
      trainAcc: e.trainAcc,
      valLoss: e.valLoss,
      valAcc: e.valAcc,
      valR2: e.valR2,
      layers: layersByEpoch.get(e.epoch) ?? {},
    })),
    steps: stored.metrics.steps.map((s) => ({ step: s.step, loss: s.loss })),
    checkpoints: {
      ...(stored.initial ? { initial: stored.initial.tensors } : {}),
      ...(stored.final ? { final: stored.final.tensors } : {}),
    },
    ...(stored.insights ? { insights: stored.insights } : {}),
  };
}
