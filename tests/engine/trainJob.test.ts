// The training job both engine hosts run: message order, and `best` checkpoints sent while the
// run goes on (a killed run keeps its best weights), throttled for big models.
import { describe, expect, it } from 'vitest';
import './setup';
import { runTrainingJob, STEP_EVENTS_PER_SECOND, type TrainingJobMessage } from '../../src-engine/train/runTrainingJob';
import {
  BestTracker,
  BIG_MODEL_INTERVAL_MS,
  SMALL_MODEL_BYTES,
  SMALL_MODEL_INTERVAL_MS,
} from '../../src-engine/train/checkpoints';
import { loadDataset } from '../../src-engine/hosts/node/datasets';
import type { Model } from '../../src-engine/graph/model';
import type { TensorSnapshot } from '../../src-shared/engineProtocol';
import { GRAPH_FORMAT, type GraphDoc } from '../../src-shared/graphFormat';

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params });

const irisDoc = (epochs: number): GraphDoc =>
  ({
    format: GRAPH_FORMAT,
    nodes: [
      node('input', 'Input', { shape: [4] }),
      node('h', 'Dense', { units: 8, activation: 'relu' }),
      node('out', 'Dense', { units: 3, activation: 'softmax' }),
    ],
    edges: [
      { source: 'input', target: 'h' },
      { source: 'h', target: 'out' },
    ],
    training: {
      dataset: 'iris',
      datasetOptions: { scaling: 'standard' },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.02 },
      batchSize: 16,
      epochs,
      seed: 1,
      validationSplit: 0.2,
    },
  }) as GraphDoc;

const kind = (m: TrainingJobMessage): string =>
  m.type === 'event' ? `event:${m.event.event}` : m.type === 'checkpoint' ? `checkpoint:${m.kind}` : m.type;

/** A clock on which a second passes between any two looks, so no best is held back by the interval. */
function slowClock(): () => number {
  let now = 0;
  return () => (now += SMALL_MODEL_INTERVAL_MS);
}

async function runJob(epochs: number, stopAfterEpoch?: number): Promise<TrainingJobMessage[]> {
  const messages: TrainingJobMessage[] = [];
  let stop = false;
  await runTrainingJob({
    request: { graph: irisDoc(epochs) },
    dataset: await loadDataset('iris'),
    post: (m) => {
      messages.push(m);
      if (m.type === 'event' && m.event.event === 'epoch' && m.event.epoch === stopAfterEpoch) stop = true;
    },
    control: { shouldStop: () => stop },
    backendName: 'cpu',
    now: slowClock(),
  });
  return messages;
}

describe('the training job', () => {
  it('sends a best checkpoint after each epoch that lowers the validation loss, then the final weights and done', async () => {
    const messages = await runJob(8);
    const kinds = messages.map(kind);
    expect(kinds.slice(0, 3)).toEqual(['dataset', 'checkpoint:initial', 'event:start']);
    expect(kinds.slice(-2)).toEqual(['checkpoint:final', 'event:done']);
    // Which epochs set a new lowest validation loss.
    let lowest = Infinity;
    const improved: number[] = [];
    for (const m of messages) {
      if (m.type === 'event' && m.event.event === 'epoch' && m.event.valLoss! < lowest) {
        lowest = m.event.valLoss!;
        improved.push(m.event.epoch);
      }
    }
    expect(improved.length).toBeGreaterThan(1);
    const bests = messages.filter(
      (m): m is Extract<TrainingJobMessage, { type: 'checkpoint' }> => m.type === 'checkpoint' && m.kind === 'best',
    );
    expect(bests.map((b) => b.epoch)).toEqual(improved);
    // Each is sent after its epoch's event and before the next epoch ends.
    for (const b of bests) {
      const at = messages.indexOf(b);
      const epochAt = messages.findIndex((m) => m.type === 'event' && m.event.event === 'epoch' && m.event.epoch === b.epoch);
      const nextAt = messages.findIndex((m) => m.type === 'event' && m.event.event === 'epoch' && m.event.epoch === b.epoch + 1);
      expect(at).toBeGreaterThan(epochAt);
      if (nextAt >= 0) expect(at).toBeLessThan(nextAt);
    }
    expect(bests[0].tensors.map((t) => t.name)).toEqual(['h.kernel', 'h.bias', 'out.kernel', 'out.bias']);
  });

  it('a run stopped early has already sent its best weights', async () => {
    const messages = await runJob(50, 2);
    const done = messages.at(-1)!;
    expect(done.type === 'event' && done.event.event === 'done' && done.event.status).toBe('stopped');
    expect(messages.some((m) => m.type === 'checkpoint' && m.kind === 'best' && m.epoch >= 1)).toBe(true);
  });

  it('fails with the graph issues when the graph cannot train', async () => {
    const messages: TrainingJobMessage[] = [];
    const doc = irisDoc(1);
    doc.nodes[2].params = { units: 5, activation: 'softmax' };
    await runTrainingJob({
      request: { graph: doc },
      dataset: await loadDataset('iris'),
      post: (m) => messages.push(m),
      control: {},
      backendName: 'cpu',
    });
    expect(messages.map(kind)).toEqual(['dataset', 'failed']);
    expect(messages[1].type === 'failed' && messages[1].message).toMatch(/^the graph cannot train: .*out/);
  });
});

describe('step events of a fast run', () => {
  /** Runs 4 iris epochs (8 steps each) on a clock where each look takes 1 ms; the arrival time of each step event. */
  async function stepTimes(stepEventEvery?: number, holding = false): Promise<{ steps: number[]; at: number[]; epochs: number }> {
    let clock = 0;
    const steps: number[] = [];
    const at: number[] = [];
    let epochs = 0;
    await runTrainingJob({
      request: { graph: irisDoc(4), ...(stepEventEvery ? { stepEventEvery } : {}) },
      dataset: await loadDataset('iris'),
      post: (m) => {
        if (m.type !== 'event') return;
        if (m.event.event === 'epoch') epochs++;
        if (m.event.event !== 'step') return;
        steps.push(m.event.step);
        at.push(clock);
      },
      control: { holding: () => holding },
      backendName: 'cpu',
      now: () => ++clock,
    });
    return { steps, at, epochs };
  }

  it(`are sent at most ${STEP_EVENTS_PER_SECOND} a second when the host leaves their spacing to the job`, async () => {
    const { steps, at, epochs } = await stepTimes();
    expect(epochs).toBe(4);
    // Iris's 8 steps an epoch each have an event (20 an epoch at most), but they come 1 ms apart.
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.length).toBeLessThan(32);
    for (let k = 1; k < at.length; k++) expect(at[k] - at[k - 1]).toBeGreaterThanOrEqual(1000 / STEP_EVENTS_PER_SECOND);
  });

  it('are all sent when the host asks for every step, or while the run is stepped or slowed', async () => {
    const every = Array.from({ length: 32 }, (_, i) => i + 1);
    expect((await stepTimes(1)).steps).toEqual(every);
    expect((await stepTimes(undefined, true)).steps).toEqual(every);
  });
});

describe('best checkpoints of a big model', () => {
  const model = {} as Model;
  const snapshot = async (): Promise<TensorSnapshot[]> => [];

  it('go out at most every few seconds; the one held back goes out at the end', async () => {
    let now = 0;
    const tracker = new BestTracker(SMALL_MODEL_BYTES + 1, () => now);
    tracker.offer(1, 1.0, 0.9, model, snapshot);
    expect((await tracker.due())?.epoch).toBe(1);
    now = 1000;
    tracker.offer(2, 0.8, 0.7, model, snapshot);
    expect(await tracker.due()).toBeNull(); // one second later: held back
    now = 1000 + BIG_MODEL_INTERVAL_MS;
    tracker.offer(3, 0.9, 0.8, model, snapshot); // not better than epoch 2
    expect((await tracker.due())?.epoch).toBe(2); // the interval has passed
    now += 100;
    tracker.offer(4, 0.5, 0.6, model, snapshot);
    expect(await tracker.due()).toBeNull();
    expect((await tracker.pending())?.epoch).toBe(4);
    expect(await tracker.pending()).toBeNull();
  });

  it('small models send an improvement at most once a second (epochs of a millisecond would flood the host)', async () => {
    let now = 0;
    const tracker = new BestTracker(1000, () => now);
    tracker.offer(1, 1, 0.9, model, snapshot);
    expect((await tracker.due())?.epoch).toBe(1);
    now = 10;
    tracker.offer(2, 1, 0.8, model, snapshot);
    expect(await tracker.due()).toBeNull();
    now = 10 + SMALL_MODEL_INTERVAL_MS;
    expect((await tracker.due())?.epoch).toBe(2);
    tracker.offer(3, 1, 0.85, model, snapshot);
    expect(await tracker.due()).toBeNull();
  });
});
