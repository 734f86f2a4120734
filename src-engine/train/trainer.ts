// The training loop: shuffled mini-batches, validation, metrics and diagnostics per epoch,
// pause/stop hooks, and a clean `diverged` end when the loss stops being a number.
import { Rng } from '../core/rng';
import { backward, noGrad } from '../core/autograd';
import { tensor, type Tensor } from '../core/tensor';
import { getBackend, type Backend, type DataHandle } from '../core/backend';
import type { Model } from '../graph/model';
import type { LossDef } from '../losses';
import type { Optimizer } from '../optim';
import type { DataSplit, Task } from '../data/types';
import type { EngineEvent } from '../../src-shared/engineEvents';
import { BatchMaker, countCorrect, targetLayout } from './batches';
import { layerDiagnostics } from './diagnostics';
import { collectInsights, type InsightOptions } from './insights';

export interface TrainControl {
  /** Checked between steps; true ends the run as `stopped`. */
  shouldStop?: () => boolean;
  /** Awaited between steps; resolves when the run may continue. */
  waitWhilePaused?: () => Promise<void>;
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
  /** Samples of the training split used for activation statistics. */
  probeSize?: number;
  backendName?: string;
  /** Histograms and decision boundaries per epoch, for the app's views inside the network. */
  insights?: InsightOptions;
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function train(setup: TrainSetup, emit: (e: EngineEvent) => void, control: TrainControl = {}): Promise<EngineEvent & { event: 'done' }> {
  const { model, loss, optimizer, batchSize, epochs } = setup;
  const root = new Rng(setup.seed);
  const shuffleRng = root.fork('shuffle');
  const dropoutRng = root.fork('dropout');
  const layout = targetLayout(setup.task, model.outputNode.outputShape);
  const trainBatches = new BatchMaker(setup.train, setup.inputShape, layout);
  const params = model.params();
  const logitsFor = loss.absorbs && model.outputSquash() === loss.absorbs ? loss.absorbs : undefined;
  // A single unit read as logits (binary cross-entropy) predicts class 1 above 0; otherwise above ½.
  const threshold = loss.absorbs === 'sigmoid' ? 0 : 0.5;
  const stepsPerEpoch = Math.ceil(setup.train.count / batchSize);
  // Pooled backends free each step's temporaries at its end; weights, their gradients and
  // layer state (what is still referenced from the model) are kept, and re-examined next step.
  const backend = backendOf(model);
  let carried: DataHandle[] = [];
  const probe = trainBatches.make(rangeOf(Math.min(setup.probeSize ?? 256, setup.train.count)), 0, Math.min(setup.probeSize ?? 256, setup.train.count));
  emit({
    event: 'start',
    epochs,
    stepsPerEpoch,
    trainCount: setup.train.count,
    valCount: setup.validation?.count ?? 0,
    parameterCount: model.parameterCount(),
    backend: setup.backendName ?? 'cpu',
  });

  let step = 0;
  let trainTimeMs = 0;
  let samplesSeen = 0;
  let lastTrainLoss: number | null = null;
  let lastTrainAcc: number | undefined;
  let lastVal: Evaluation | undefined;
  let lastYield = clock();
  const done = (status: 'completed' | 'stopped' | 'diverged', epochsDone: number, extra: Partial<EngineEvent & { event: 'done' }> = {}) => {
    const event = {
      event: 'done' as const,
      status,
      epochs: epochsDone,
      steps: step,
      samplesPerSec: trainTimeMs > 0 ? (samplesSeen * 1000) / trainTimeMs : 0,
      finalTrainLoss: lastTrainLoss,
      finalTrainAcc: lastTrainAcc,
      ...(lastVal ? { finalValLoss: lastVal.loss, finalValAcc: lastVal.acc, finalValR2: lastVal.r2 } : {}),
      ...extra,
    };
    emit(event);
    return event;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.setEpoch(epoch);
    const order = shuffleRng.permutation(setup.train.count);
    let lossSum = 0;
    let correct = 0;
    const epochStart = clock();
    for (let start = 0; start < setup.train.count; start += batchSize) {
      if (control.shouldStop?.()) return done('stopped', epoch);
      if (clock() - lastYield > 50) {
        // Let pause/stop messages in (the host's event loop needs a turn).
        await new Promise((resolve) => setTimeout(resolve, 0));
        await control.waitWhilePaused?.();
        if (control.shouldStop?.()) return done('stopped', epoch);
        lastYield = clock();
      }
      const t0 = clock();
      const end = Math.min(start + batchSize, setup.train.count);
      for (const p of params) p.grad = null;
      const scope = backend.openScope?.();
      let value: number;
      try {
        const batch = trainBatches.make(order, start, end);
        const { output } = model.forward(batch.x, { training: true, rng: dropoutRng }, { logitsFor });
        const lossValue = loss.compute(output, batch.y);
        value = lossValue.item();
        step++;
        if (!Number.isFinite(value)) {
          return done('diverged', epoch, { divergedAtStep: step, message: `the loss became ${value} at step ${step} (epoch ${epoch + 1}); try a lower learning rate` });
        }
        backward(lossValue, tensor([1], []));
        // Optimizer state created from here on (on the first step) must outlive the scope.
        scope?.pause();
        noGrad(() => optimizer.step(params));
        if (batch.labels) correct += countCorrect(output.dataSync(), batch.labels, layout.width, threshold);
      } finally {
        if (scope) carried = scope.release(storageOf(model.stateTensors()), carried);
      }
      trainTimeMs += clock() - t0;
      samplesSeen += end - start;
      lossSum += value * (end - start);
      if (setup.stepEventEvery && step % setup.stepEventEvery === 0) emit({ event: 'step', epoch: epoch + 1, step, loss: value, lr: optimizer.currentLr });
    }
    lastTrainLoss = lossSum / setup.train.count;
    lastTrainAcc = setup.task === 'classification' ? correct / setup.train.count : undefined;
    lastVal = setup.validation && setup.validation.count > 0 ? evaluate(setup, setup.validation, logitsFor, threshold) : undefined;
    const probeScope = backend.openScope?.();
    let layers: ReturnType<typeof layerDiagnostics>;
    let insight: Awaited<ReturnType<typeof collectInsights>> | undefined;
    try {
      const probeRun = noGrad(() => model.forward(probe.x, { training: false, rng: dropoutRng }, { keepActivations: true }));
      layers = layerDiagnostics(model, probeRun.activations!);
      if (setup.insights) insight = await collectInsights(model, epoch + 1, probeRun.activations!, setup.insights);
    } finally {
      probeScope?.release(NOTHING);
    }
    const elapsed = clock() - epochStart;
    emit({
      event: 'epoch',
      epoch: epoch + 1,
      step,
      trainLoss: lastTrainLoss,
      trainAcc: lastTrainAcc,
      ...(lastVal ? { valLoss: lastVal.loss, valAcc: lastVal.acc, valR2: lastVal.r2 } : {}),
      lr: optimizer.currentLr,
      elapsedMs: elapsed,
      samplesPerSec: trainTimeMs > 0 ? (samplesSeen * 1000) / trainTimeMs : 0,
      layers,
    });
    if (insight) emit(insight);
  }
  const test = setup.test && setup.test.count > 0 ? evaluate(setup, setup.test, logitsFor, threshold) : undefined;
  return done('completed', epochs, test ? { testLoss: test.loss, testAcc: test.acc } : {});
}

export interface Evaluation {
  loss: number;
  /** Classification: share of correct predictions. */
  acc?: number;
  /** Regression: coefficient of determination, 1 − SS_res / SS_tot (1 is perfect, 0 is the mean). */
  r2?: number;
}

/** Loss, and accuracy (classification) or R² (regression), over a split in evaluation mode. */
export function evaluate(
  setup: Pick<TrainSetup, 'model' | 'loss' | 'task' | 'inputShape' | 'batchSize'>,
  split: DataSplit,
  logitsFor: 'softmax' | 'sigmoid' | undefined,
  threshold: number,
): Evaluation {
  const layout = targetLayout(setup.task, setup.model.outputNode.outputShape);
  const maker = new BatchMaker(split, setup.inputShape, layout);
  const rows = rangeOf(split.count);
  const rng = new Rng(0);
  let lossSum = 0;
  let correct = 0;
  let ssRes = 0;
  const size = Math.max(setup.batchSize, 256);
  const backend = backendOf(setup.model);
  noGrad(() => {
    for (let start = 0; start < split.count; start += size) {
      const end = Math.min(start + size, split.count);
      const scope = backend.openScope?.();
      try {
        const batch = maker.make(rows, start, end);
        const { output } = setup.model.forward(batch.x, { training: false, rng }, { logitsFor });
        lossSum += setup.loss.compute(output, batch.y).item() * (end - start);
        const predicted = output.dataSync();
        if (batch.labels) correct += countCorrect(predicted, batch.labels, layout.width, threshold);
        else {
          const target = batch.y.dataSync();
          for (let i = 0; i < target.length; i++) ssRes += (predicted[i] - target[i]) ** 2;
        }
      } finally {
        scope?.release(NOTHING);
      }
    }
  });
  const result: Evaluation = { loss: lossSum / split.count };
  if (setup.task === 'classification') result.acc = correct / split.count;
  else result.r2 = 1 - ssRes / totalSumOfSquares(split.y, layout.width);
  return result;
}

function totalSumOfSquares(y: Float32Array, width: number): number {
  const n = y.length / width;
  let total = 0;
  for (let j = 0; j < width; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i * width + j];
    mean /= n;
    for (let i = 0; i < n; i++) total += (y[i * width + j] - mean) ** 2;
  }
  return total;
}

function rangeOf(n: number): Int32Array {
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}

const NOTHING: ReadonlySet<DataHandle> = new Set();

function backendOf(model: Model): Backend {
  return model.params()[0]?.backend ?? getBackend();
}

/** Storage still referenced by the model after a step: values and gradients of its tensors. */
function storageOf(tensors: Tensor[]): Set<DataHandle> {
  const kept = new Set<DataHandle>();
  for (const t of tensors) {
    kept.add(t.data);
    if (t.grad) kept.add(t.grad.data);
  }
  return kept;
}
