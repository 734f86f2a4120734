// The training loop of a multi-output graph (CPU, host memory): shuffled mini-batches, the total
// loss Σ weightᵢ·Lᵢ backpropagated once per step, and per epoch each output's loss and metrics
// beside the totals. The events are the one-output loop's (trainer.ts), with `outputs` added.
import { Rng } from '../../core/rng';
import { backward, noGrad } from '../../core/autograd';
import { tensor } from '../../core/tensor';
import type { DataSplit } from '../../data/types';
import type { OutputHead } from '../../graph/outputs';
import type { EngineEvent } from '../../../src-shared/engineEvents';
import type { DoneEvent, TrainControl, TrainSetup } from '../trainer';
import { probeEpoch } from '../epochProbe';
import { insightPacer } from '../insightPacer';
import { firstNonFinite } from '../nonFinite';
import { startEvent } from '../startEvent';
import { HeadsBatchMaker, headLogits } from './headBatches';
import { forwardHeads } from './headLoss';
import { HeadTotals, outputMetrics, type OutputFigures } from './headMetrics';
import type { Squash } from '../../layers/types';
import { yieldToHost } from '../yieldToHost';

export interface HeadsSetup extends TrainSetup {
  heads: readonly OutputHead[];
  /** Values per target row of the dataset. */
  rowWidth: number;
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Each output's figures (and the weighted total loss) over a split, in evaluation mode. */
export function evaluateHeads(
  setup: HeadsSetup,
  split: DataSplit,
  logitsAt: ReadonlyMap<string, Squash>,
): { loss: number; outputs: Record<string, OutputFigures> } {
  const maker = new HeadsBatchMaker(split, setup.inputShape, setup.heads, setup.rowWidth);
  const rows = Int32Array.from({ length: split.count }, (_, i) => i);
  const totals = new HeadTotals(setup.heads);
  const rng = new Rng(0);
  const size = Math.max(setup.batchSize, 256);
  for (let start = 0; start < split.count; start += size) {
    const end = Math.min(start + size, split.count);
    noGrad(() => {
      const batch = maker.make(rows, start, end);
      totals.add(batch, forwardHeads(setup.model, setup.heads, logitsAt, batch, { training: false, rng }));
    });
  }
  return totals.take(split, setup.rowWidth);
}

export async function trainHeads(
  setup: HeadsSetup,
  emit: (e: EngineEvent) => void,
  control: TrainControl = {},
): Promise<DoneEvent> {
  const { model, optimizer, batchSize, epochs, heads } = setup;
  const root = new Rng(setup.seed);
  const shuffleRng = root.fork('shuffle');
  const dropoutRng = root.fork('dropout');
  const logitsAt = headLogits(heads, (id) => model.nodes.find((n) => n.id === id)?.instance.squash);
  const maker = new HeadsBatchMaker(setup.train, setup.inputShape, heads, setup.rowWidth);
  const params = model.params();
  const stepEvery = setup.stepEventEvery ?? 0;
  const probeCount = Math.min(setup.probeSize ?? 256, setup.train.count);
  const probe = maker.make(
    Int32Array.from({ length: probeCount }, (_, i) => i),
    0,
    probeCount,
  );
  emit(startEvent(setup, model, epochs, batchSize));
  let step = 0;
  let trainTimeMs = 0;
  let samplesSeen = 0;
  let lastTrainLoss: number | null = null;
  let lastValLoss: number | undefined;
  let lastYield = clock();
  const totals = new HeadTotals(heads);
  const samplesPerSec = () => (trainTimeMs > 0 ? (samplesSeen * 1000) / trainTimeMs : 0);
  const done = (status: 'completed' | 'stopped' | 'diverged', epochsDone: number, extra: Partial<DoneEvent> = {}): DoneEvent => {
    const event: DoneEvent = {
      event: 'done',
      status,
      epochs: epochsDone,
      steps: step,
      samplesPerSec: samplesPerSec(),
      finalTrainLoss: lastTrainLoss,
      ...(lastValLoss !== undefined ? { finalValLoss: lastValLoss } : {}),
      ...extra,
    };
    emit(event);
    return event;
  };
  const trainStart = clock();
  const paceInsights = insightPacer(setup.insights, epochs, clock);
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.setEpoch(epoch);
    const order = shuffleRng.permutation(setup.train.count);
    for (let start = 0; start < setup.train.count; start += batchSize) {
      if (control.shouldStop?.()) return done('stopped', epoch);
      if (clock() - lastYield > 50 || control.holding?.({ epoch })) {
        // Let pause/stop/step messages in (the host's event loop needs a turn), as the trainer does.
        await yieldToHost();
        await control.waitWhilePaused?.({ epoch }, () => emit({ event: 'halted', epoch: epoch + 1, step }));
        if (control.shouldStop?.()) return done('stopped', epoch);
        lastYield = clock();
      }
      const t0 = clock();
      const end = Math.min(start + batchSize, setup.train.count);
      step++;
      for (const p of params) p.grad = null;
      const batch = maker.make(order, start, end);
      const f = forwardHeads(model, heads, logitsAt, batch, { training: true, rng: dropoutRng });
      const value = f.total.dataSync()[0];
      // Checked before the update: a diverged run keeps the last finite weights.
      if (!Number.isFinite(value))
        return done('diverged', epoch, {
          divergedAtStep: step,
          message: `the loss became ${value} at step ${step} (epoch ${epoch + 1}); try a lower learning rate`,
        });
      if (stepEvery && step % stepEvery === 0)
        emit({ event: 'step', epoch: epoch + 1, step, loss: value, lr: optimizer.currentLr });
      backward(f.total, tensor([1], []));
      noGrad(() => {
        totals.add(batch, f);
        optimizer.step(params);
      });
      trainTimeMs += clock() - t0;
      samplesSeen += end - start;
    }
    const trained = totals.take(setup.train, setup.rowWidth);
    lastTrainLoss = trained.loss;
    const val = setup.validation && setup.validation.count > 0 ? evaluateHeads(setup, setup.validation, logitsAt) : undefined;
    lastValLoss = val?.loss;
    const insights = paceInsights(epoch + 1, control.holding?.({ epoch: epoch + 1 }) ?? false);
    const { layers, insight } = await probeEpoch(model, probe.x, dropoutRng, epoch + 1, insights);
    emit({
      event: 'epoch',
      epoch: epoch + 1,
      step,
      trainLoss: trained.loss,
      ...(val ? { valLoss: val.loss } : {}),
      outputs: outputMetrics(trained.outputs, val?.outputs),
      lr: optimizer.currentLr,
      elapsedMs: clock() - trainStart,
      samplesPerSec: samplesPerSec(),
      layers,
    });
    if (insight) emit(insight);
    const blewUp = firstNonFinite(layers, val?.loss);
    if (blewUp)
      return done('diverged', epoch + 1, {
        divergedAtStep: step,
        message: `${blewUp} at step ${step} (epoch ${epoch + 1}); try a lower learning rate`,
      });
  }
  const test = setup.test && setup.test.count > 0 ? evaluateHeads(setup, setup.test, logitsAt) : undefined;
  return done('completed', epochs, test ? { finalTestLoss: test.loss } : {});
}
