// The training loop for device backends (WebGPU), emitting the same events as train() in
// src-engine/train/trainer.ts, which reads the loss and outputs on the host every step. Here
// each step runs in a memory scope, loss and correct counts accumulate on the device, and the
// host reads one step's loss every `metricsEvery` steps, without waiting for it: the read of
// step s is awaited only when step s + metricsEvery is queued, so the GPU stays busy while the
// host is at most two read intervals ahead.
import { Rng } from '../../core/rng';
import { backward, noGrad } from '../../core/autograd';
import { getBackend } from '../../core/backend';
import { tensor, type Tensor } from '../../core/tensor';
import { scale } from '../../ops';
import { runInScope } from '../../kernels/webgpu/scope';
import { BatchMaker, targetLayout } from '../../train/batches';
import type { Evaluation, TrainControl, TrainSetup } from '../../train/trainer';
import type { EngineEvent } from '../../../src-shared/engineEvents';
import { Accumulator, correctCount, readScalars } from './deviceMetrics';
import { evaluateOnDevice } from './deviceEvaluate';
import { deviceLayerDiagnostics, gradientSquares } from './deviceDiagnostics';

export type DoneEvent = EngineEvent & { event: 'done' };

export interface DeviceTrainOptions {
  /** Read a step's loss back (and emit a `step` event) every N steps; default stepEventEvery or 20. */
  metricsEvery?: number;
}

const clock = (): number => performance.now();

export async function trainOnDevice(setup: TrainSetup, emit: (e: EngineEvent) => void, control: TrainControl = {}, options: DeviceTrainOptions = {}): Promise<DoneEvent> {
  const { model, loss, optimizer, batchSize, epochs } = setup;
  const backend = getBackend();
  const every = Math.max(1, options.metricsEvery ?? (setup.stepEventEvery || 20));
  const root = new Rng(setup.seed);
  const shuffleRng = root.fork('shuffle');
  const dropoutRng = root.fork('dropout');
  const layout = targetLayout(setup.task, model.outputNode.outputShape);
  const trainBatches = new BatchMaker(setup.train, setup.inputShape, layout);
  const params = model.params();
  const state = model.stateTensors();
  const logitsFor = loss.absorbs && model.outputSquash() === loss.absorbs ? loss.absorbs : undefined;
  const threshold = loss.absorbs === 'sigmoid' ? 0 : 0.5;
  const classification = setup.task === 'classification';
  const stepsPerEpoch = Math.ceil(setup.train.count / batchSize);
  const probeCount = Math.min(setup.probeSize ?? 256, setup.train.count);
  const probe = trainBatches.make(Int32Array.from({ length: probeCount }, (_, i) => i), 0, probeCount);
  emit({ event: 'start', epochs, stepsPerEpoch, trainCount: setup.train.count, valCount: setup.validation?.count ?? 0, parameterCount: model.parameterCount(), backend: setup.backendName ?? backend.name });

  let step = 0;
  let trainTimeMs = 0;
  let samplesSeen = 0;
  let lastTrainLoss: number | null = null;
  let lastTrainAcc: number | undefined;
  let lastVal: Evaluation | undefined;
  let lastYield = clock();
  // The loss read in flight: which step, and its value when it lands.
  let pending: { step: number; epoch: number; lr: number; value: Promise<number[]>; tensor: Tensor } | null = null;
  const lossSum = new Accumulator();
  const correct = new Accumulator();

  const done = (status: 'completed' | 'stopped' | 'diverged', epochsDone: number, extra: Partial<DoneEvent> = {}): DoneEvent => {
    const event: DoneEvent = {
      event: 'done',
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
  const diverged = (value: number, atStep: number, epoch: number) =>
    done('diverged', epoch, { divergedAtStep: atStep, message: `the loss became ${value} at step ${atStep} (epoch ${epoch + 1}); try a lower learning rate` });

  /** Waits for the loss read in flight; emits its step event; returns false if it was not finite. */
  const land = async (): Promise<{ ok: true } | { ok: false; value: number; step: number; epoch: number }> => {
    if (!pending) return { ok: true };
    const p = pending;
    pending = null;
    const [value] = await p.value;
    p.tensor.dispose();
    if (!Number.isFinite(value)) return { ok: false, value, step: p.step, epoch: p.epoch };
    if (setup.stepEventEvery) emit({ event: 'step', epoch: p.epoch + 1, step: p.step, loss: value, lr: p.lr });
    return { ok: true };
  };

  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      optimizer.setEpoch(epoch);
      const order = shuffleRng.permutation(setup.train.count);
      const epochStart = clock();
      let gradSquares = new Map<string, Tensor>();
      for (let start = 0; start < setup.train.count; start += batchSize) {
        if (control.shouldStop?.()) return done('stopped', epoch);
        if (clock() - lastYield > 50) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          await control.waitWhilePaused?.();
          if (control.shouldStop?.()) return done('stopped', epoch);
          lastYield = clock();
        }
        const end = Math.min(start + batchSize, setup.train.count);
        const lastOfEpoch = end === setup.train.count;
        step++;
        const read = step % every === 0;
        const result = runInScope(
          backend,
          state,
          () => {
            const batch = trainBatches.make(order, start, end);
            for (const p of params) p.grad = null;
            const { output } = model.forward(batch.x, { training: true, rng: dropoutRng }, { logitsFor });
            const lossValue = loss.compute(output, batch.y);
            backward(lossValue, tensor([1], []));
            noGrad(() => {
              optimizer.step(params);
              lossSum.add(scale(lossValue, end - start));
              if (classification) correct.add(correctCount(output, batch.y, threshold));
            });
            return { lossValue, squares: lastOfEpoch ? gradientSquares(model) : null };
          },
          (r) => [lossSum.tensor()!, ...(classification ? [correct.tensor()!] : []), ...(read ? [r.lossValue] : []), ...(r.squares?.values() ?? [])],
        );
        for (const p of params) p.grad = null; // freed with the scope
        if (result.squares) gradSquares = result.squares;
        samplesSeen += end - start;
        if (read) {
          const landed = await land();
          if (!landed.ok) return diverged(landed.value, landed.step, landed.epoch);
          pending = { step, epoch, lr: optimizer.currentLr, value: readScalars([result.lossValue]), tensor: result.lossValue };
        }
      }
      const landed = await land();
      if (!landed.ok) return diverged(landed.value, landed.step, landed.epoch);
      const [epochLoss, epochCorrect] = await readScalars([lossSum.tensor()!, ...(classification ? [correct.tensor()!] : [])]);
      lossSum.dispose();
      correct.dispose();
      trainTimeMs += clock() - epochStart;
      if (!Number.isFinite(epochLoss)) return diverged(epochLoss, step, epoch);
      lastTrainLoss = epochLoss / setup.train.count;
      lastTrainAcc = classification ? epochCorrect / setup.train.count : undefined;
      lastVal = setup.validation && setup.validation.count > 0 ? await evaluateOnDevice(setup, setup.validation, logitsFor, threshold) : undefined;
      const layers = await deviceLayerDiagnostics(model, probe.x, gradSquares);
      for (const g of gradSquares.values()) g.dispose();
      emit({
        event: 'epoch',
        epoch: epoch + 1,
        step,
        trainLoss: lastTrainLoss,
        trainAcc: lastTrainAcc,
        ...(lastVal ? { valLoss: lastVal.loss, valAcc: lastVal.acc, valR2: lastVal.r2 } : {}),
        lr: optimizer.currentLr,
        elapsedMs: clock() - epochStart,
        samplesPerSec: trainTimeMs > 0 ? (samplesSeen * 1000) / trainTimeMs : 0,
        layers,
      });
    }
    const test = setup.test && setup.test.count > 0 ? await evaluateOnDevice(setup, setup.test, logitsFor, threshold) : undefined;
    return done('completed', epochs, test ? { testLoss: test.loss, testAcc: test.acc } : {});
  } finally {
    pending?.tensor.dispose();
    lossSum.dispose();
    correct.dispose();
    probe.x.dispose();
    probe.y.dispose();
  }
}
