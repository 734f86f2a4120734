// The training loop, one for every backend: shuffled mini-batches, validation, metrics and
// diagnostics per epoch, pause/stop hooks, and a clean `diverged` end when the loss stops being a
// number. A step's loss comes back through `await tensor.read()` every `metricsEvery` steps: on a
// device (WebGPU) a read is awaited only when the next one starts, so the device never idles; on
// host-memory backends (CPU) each read is checked at once, before the update. Epoch totals
// accumulate where the data lives (totals.ts); validation and diagnostics reduce on the
// backend and come back in a few reads per epoch.
import { Rng } from '../core/rng';
import { backward, noGrad } from '../core/autograd';
import { tensor, type Tensor } from '../core/tensor';
import type { DataHandle } from '../core/backend';
import type { Model } from '../graph/model';
import type { LossDef } from '../losses';
import type { Optimizer } from '../optim';
import type { DataSplit, Task } from '../data/types';
import type { EngineEvent } from '../../src-shared/engineEvents';
import { BatchMaker, targetLayout } from './batches';
import { probeEpoch } from './epochProbe';
import { firstNonFinite } from './nonFinite';
import { evaluate, type Evaluation } from './evaluate';
import type { InsightOptions } from './insights';
import { insightPacer } from './insightPacer';
import { LossReads, type LandedLoss } from './lossReads';
import { createTotals } from './totals';
import { backendOf, hasHostMemory } from './modelBackend';
import { readPenalty } from './objective';
import type { OutputHead } from '../graph/outputs';
import { trainHeads } from './multiOutput/trainHeads';
import { startEvent } from './startEvent';
import { yieldToHost } from './yieldToHost';

export { evaluate, type Evaluation } from './evaluate';

/** Where the loop is: the epoch (0-based) of the step about to run. */
export interface StepPosition {
  epoch: number;
}

export interface TrainControl {
  /** Checked between steps; true ends the run as `stopped`. */
  shouldStop?: () => boolean;
  /**
   * Awaited between steps (about every 50 ms, or before every step while `holding` says so);
   * resolves when the run may continue, with true when the user stepped this one batch. It calls
   * `halted` when it starts to hold the loop (once per call), so the host learns the pause took.
   */
  waitWhilePaused?: (at: StepPosition, halted?: () => void) => Promise<boolean | void>;
  /** True while the control must see every step: paused, stepping, or slowed down. */
  holding?: (at: StepPosition) => boolean;
}

export interface TrainSetup {
  model: Model;
  loss: LossDef;
  optimizer: Optimizer;
  task: Task;
  inputShape: number[];
  train: DataSplit;
  validation?: DataSplit;
  /** A held-out test split, evaluated once when training completes. */
  test?: DataSplit;
  batchSize: number;
  epochs: number;
  seed: number;
  /** Emit a `step` event every N steps (0: never). */
  stepEventEvery?: number;
  /**
   * Read a step's loss back (for `step` events and divergence) every N steps. Default: every
   * step on host-memory backends (divergence is caught at its step, before the update), else
   * stepEventEvery or 20. Step events' steps are read whatever this says.
   */
  metricsEvery?: number;
  /** Samples of the training split used for activation statistics. */
  probeSize?: number;
  backendName?: string;
  /** Histograms and decision boundaries per epoch, for the app's views inside the network. */
  insights?: InsightOptions;
  /** A multi-output graph's outputs (training.outputs): trained by trainHeads, with per-output figures. */
  heads?: readonly OutputHead[];
  /** Values per target row of the dataset (multi-output graphs pick their columns from it). */
  rowWidth?: number;
}

export type DoneEvent = EngineEvent & { event: 'done' };

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function train(setup: TrainSetup, emit: (e: EngineEvent) => void, control: TrainControl = {}): Promise<DoneEvent> {
  if (setup.heads) return trainHeads({ ...setup, heads: setup.heads, rowWidth: setup.rowWidth ?? 1 }, emit, control);
  const { model, loss, optimizer, batchSize, epochs } = setup;
  const root = new Rng(setup.seed);
  const shuffleRng = root.fork('shuffle');
  const dropoutRng = root.fork('dropout');
  const layout = targetLayout(setup.task, model.outputNode.outputShape);
  const trainBatches = new BatchMaker(setup.train, setup.inputShape, layout);
  const params = model.params();
  const logitsFor = loss.absorbs && model.outputSquash() === loss.absorbs ? loss.absorbs : undefined;
  // A single unit read as logits (binary cross-entropy, perceptron) predicts class 1 above 0; otherwise above ½.
  const threshold = loss.absorbs === 'sigmoid' || loss.absorbs === 'step' ? 0 : 0.5;
  const classification = setup.task === 'classification';
  const backend = backendOf(model);
  const hostMemory = hasHostMemory(model);
  const stepEvery = setup.stepEventEvery ?? 0;
  const metricsEvery = Math.max(1, Math.floor(setup.metricsEvery ?? (hostMemory ? 1 : stepEvery || 20)));
  const probeCount = Math.min(setup.probeSize ?? 256, setup.train.count);
  const probe = trainBatches.make(
    Int32Array.from({ length: probeCount }, (_, i) => i),
    0,
    probeCount,
  );
  emit(startEvent(setup, model, epochs, batchSize));

  let step = 0;
  let trainTimeMs = 0;
  let samplesSeen = 0;
  let lastTrainLoss: number | null = null;
  let lastTrainAcc: number | undefined;
  let lastVal: Evaluation | undefined;
  let lastYield = clock();
  // Storage kept by a step's memory scope, reconsidered (and freed once unused) by the next.
  let carried: DataHandle[] = [];
  const reads = new LossReads();
  const totals = createTotals(hostMemory, classification ? 'correct' : 'none', layout.width, threshold);
  const samplesPerSec = () => (trainTimeMs > 0 ? (samplesSeen * 1000) / trainTimeMs : 0);

  const done = (status: 'completed' | 'stopped' | 'diverged', epochsDone: number, extra: Partial<DoneEvent> = {}): DoneEvent => {
    const event: DoneEvent = {
      event: 'done',
      status,
      epochs: epochsDone,
      steps: step,
      samplesPerSec: samplesPerSec(),
      finalTrainLoss: lastTrainLoss,
      finalTrainAcc: lastTrainAcc,
      ...(lastVal ? { finalValLoss: lastVal.loss, finalValAcc: lastVal.acc, finalValR2: lastVal.r2 } : {}),
      ...extra,
    };
    emit(event);
    return event;
  };
  const diverged = (value: number, atStep: number, epoch: number): DoneEvent =>
    done('diverged', epoch, {
      divergedAtStep: atStep,
      message: `diverged at step ${atStep} (epoch ${epoch + 1}): the loss became ${value}; try a lower learning rate`,
    });
  const forced = new Set<number>();
  const landed = (l: LandedLoss): void => {
    const wasStepped = forced.delete(l.step);
    if (stepEvery && (l.step % stepEvery === 0 || wasStepped))
      emit({ event: 'step', epoch: l.epoch + 1, step: l.step, loss: l.value, lr: l.lr });
  };

  // Wall time is measured from the start of training, so a chart over it runs forward (issue #16).
  const trainStart = clock();
  const paceInsights = insightPacer(setup.insights, epochs, clock);
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      optimizer.setEpoch(epoch);
      const order = shuffleRng.permutation(setup.train.count);
      for (let start = 0; start < setup.train.count; start += batchSize) {
        if (control.shouldStop?.()) return done('stopped', epoch);
        let stepped = false;
        if (clock() - lastYield > 50 || control.holding?.({ epoch })) {
          // Let pause/stop/step messages in (the host's event loop needs a turn).
          await yieldToHost();
          stepped =
            (await control.waitWhilePaused?.({ epoch }, () => emit({ event: 'halted', epoch: epoch + 1, step }))) === true;
          if (control.shouldStop?.()) return done('stopped', epoch);
          lastYield = clock();
        }
        const t0 = clock();
        const end = Math.min(start + batchSize, setup.train.count);
        step++;
        // A batch the user stepped always reports its loss.
        if (stepped && stepEvery > 0) forced.add(step);
        const read = step % metricsEvery === 0 || (stepEvery > 0 && step % stepEvery === 0) || stepped;
        for (const p of params) p.grad = null;
        // Pooled backends free each step's temporaries at its end; weights, their gradients,
        // layer and optimizer state and the metric totals are kept.
        const scope = backend.openScope?.();
        try {
          const batch = trainBatches.make(order, start, end);
          const { output } = model.forward(batch.x, { training: true, rng: dropoutRng }, { logitsFor });
          const lossValue = loss.compute(output, batch.y);
          const lr = optimizer.currentLr;
          if (read && hostMemory) {
            // Checked before the update: a diverged run keeps the last finite weights.
            reads.start(lossValue, step, epoch, lr);
            const bad = await reads.land(0, landed);
            if (bad) return diverged(bad.value, bad.step, epoch);
          }
          backward(lossValue, tensor([1], []));
          noGrad(() => {
            totals.add({ loss: lossValue, output, target: batch.y, labels: batch.labels, rows: end - start });
            optimizer.step(params);
          });
          // On a device the copy is queued after the whole step, whose commands go out with it.
          if (read && !hostMemory) reads.start(lossValue, step, epoch, lr);
        } finally {
          if (scope) carried = scope.release(keptStorage(model, optimizer, totals.kept()), carried);
        }
        if (!hostMemory && read) {
          const bad = await reads.land(1, landed);
          if (bad) return diverged(bad.value, bad.step, bad.epoch);
        }
        trainTimeMs += clock() - t0;
        samplesSeen += end - start;
      }
      const t1 = clock();
      const bad = await reads.land(0, landed);
      if (bad) return diverged(bad.value, bad.step, bad.epoch);
      const { loss: epochLoss, correct: epochCorrect } = await totals.take();
      trainTimeMs += clock() - t1;
      if (!Number.isFinite(epochLoss)) return diverged(epochLoss, step, epoch);
      lastTrainLoss = epochLoss / setup.train.count;
      lastTrainAcc = classification ? epochCorrect / setup.train.count : undefined;
      lastVal =
        setup.validation && setup.validation.count > 0
          ? await evaluate(setup, setup.validation, logitsFor, threshold)
          : undefined;
      // J = L + R(W) with R at the epoch's end weights, when L1/L2 is on.
      const penalty = await readPenalty(model, optimizer.penalties);
      const insights = paceInsights(epoch + 1, control.holding?.({ epoch: epoch + 1 }) ?? false);
      const { layers, insight } = await probeEpoch(model, probe.x, dropoutRng, epoch + 1, insights);
      emit({
        event: 'epoch',
        epoch: epoch + 1,
        step,
        trainLoss: lastTrainLoss,
        trainAcc: lastTrainAcc,
        ...(lastVal ? { valLoss: lastVal.loss, valAcc: lastVal.acc, valR2: lastVal.r2 } : {}),
        ...(lastVal?.classAcc ? { valClassAcc: lastVal.classAcc } : {}),
        ...(lastVal?.entropy !== undefined ? { valEntropy: lastVal.entropy } : {}),
        ...(penalty !== undefined
          ? { trainObjective: lastTrainLoss + penalty, ...(lastVal ? { valObjective: lastVal.loss + penalty } : {}) }
          : {}),
        lr: optimizer.currentLr,
        elapsedMs: clock() - trainStart,
        samplesPerSec: samplesPerSec(),
        layers,
      });
      if (insight) emit(insight);
      const blewUp = firstNonFinite(layers, lastVal?.loss);
      if (blewUp)
        return done('diverged', epoch + 1, {
          divergedAtStep: step,
          message: `diverged at step ${step} (epoch ${epoch + 1}): ${blewUp}; try a lower learning rate`,
        });
    }
    const test = setup.test && setup.test.count > 0 ? await evaluate(setup, setup.test, logitsFor, threshold) : undefined;
    // Once, at the end, with the final weights: the test split never steers training or selection.
    return done('completed', epochs, test ? { finalTestLoss: test.loss, finalTestAcc: test.acc, finalTestR2: test.r2 } : {});
  } finally {
    reads.clear();
    totals.dispose();
    probe.x.dispose();
    probe.y.dispose();
  }
}

/** Storage a step must not free: the model's tensors and gradients, optimizer state, metric totals. */
function keptStorage(model: Model, optimizer: Optimizer, totals: Tensor[]): Set<DataHandle> {
  const kept = new Set<DataHandle>();
  for (const t of model.stateTensors()) {
    kept.add(t.data);
    if (t.grad) kept.add(t.grad.data);
  }
  for (const t of optimizer.stateTensors()) kept.add(t.data);
  for (const t of totals) kept.add(t.data);
  return kept;
}
