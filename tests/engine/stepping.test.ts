// Run controls (issue #16): a paused run stepped one batch or one epoch at a time reaches exactly
// the weights continuous training reaches; a delay slows a run without changing what it learns.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train, type TrainControl } from '../../src-engine/train/trainer';
import { snapshotModel } from '../../src-engine/train/checkpoints';
import { RunControl } from '../../src-engine/hosts/node/runJob/runControl';
import type { EngineEvent } from '../../src-shared/engineEvents';
import { chain } from './graphs';
import { withoutTimings } from './trainHelpers';

const doc = chain(
  [
    ['in', 'Input'],
    ['h1', 'Dense', { units: 8, activation: 'tanh' }],
    ['h2', 'Dense', { units: 8, activation: 'relu' }],
    ['out', 'Dense', { units: 2, activation: 'softmax' }],
  ],
  // 160 training samples in batches of 20: 8 steps an epoch. Dropout-free but shuffled, so the batch order matters.
  { dataset: 'spiral', epochs: 3, batchSize: 20, validationSplit: 0.2, optimizer: { name: 'adam', lr: 0.02 } },
);
const dataset = createGeneratedDataset('spiral', { samples: 200, seed: 3 });

async function run(control: TrainControl, drive?: () => Promise<void>) {
  const prepared = prepareRun(doc, dataset);
  if (!prepared.ok) throw new Error('graph does not prepare');
  const events: EngineEvent[] = [];
  const training = train({ ...prepared.run.setup, stepEventEvery: 1 }, (e) => events.push(e), control);
  await drive?.();
  const done = await training;
  return { done, events, weights: await snapshotModel(prepared.run.model) };
}

const withoutHalts = (events: EngineEvent[]) => events.filter((e) => e.event !== 'halted');
const steps = (events: EngineEvent[]) => events.filter((e) => e.event === 'step').length;
const epochs = (events: EngineEvent[]) => events.filter((e) => e.event === 'epoch').length;

/** Continuous training that stops after `n` steps (checked between steps, like a user's stop). */
function stopAfter(n: number, events: () => EngineEvent[]): TrainControl {
  return { shouldStop: () => steps(events()) >= n };
}

describe('stepping a paused run', () => {
  it('N stepped batches give bit-identical weights to N batches trained straight through', async () => {
    let seen: EngineEvent[] = [];
    const straight = await (async () => {
      const prepared = prepareRun(doc, dataset);
      if (!prepared.ok) throw new Error('graph does not prepare');
      const events: EngineEvent[] = [];
      seen = events;
      await train(
        { ...prepared.run.setup, stepEventEvery: 1 },
        (e) => events.push(e),
        stopAfter(11, () => seen),
      );
      return { events, weights: await snapshotModel(prepared.run.model) };
    })();
    expect(steps(straight.events)).toBe(11);

    const control = new RunControl({ paused: true });
    const stepped = await run(control, async () => {
      // 11 batches, one press each, across the end of the first epoch (8 steps).
      for (let i = 0; i < 11; i++) {
        await control.whenHeld();
        control.step('batch');
      }
      await control.whenHeld();
      control.stop();
    });
    expect(stepped.done.status).toBe('stopped');
    expect(steps(stepped.events)).toBe(11);
    expect(stepped.weights).toEqual(straight.weights);
  });

  it('a batch step trains exactly one batch, an epoch step finishes the epoch, and both hold afterwards', async () => {
    const control = new RunControl({ paused: true });
    const events: EngineEvent[] = [];
    const prepared = prepareRun(doc, dataset);
    if (!prepared.ok) throw new Error('graph does not prepare');
    const training = train({ ...prepared.run.setup, stepEventEvery: 1 }, (e) => events.push(e), control);
    await control.whenHeld();
    expect(steps(events)).toBe(0);
    control.step('batch');
    await control.whenHeld();
    expect(steps(events)).toBe(1);
    control.step('batch');
    await control.whenHeld();
    expect(steps(events)).toBe(2);
    // From step 2 of epoch 1, "step one epoch" finishes epoch 1: steps 3…8, then its epoch event.
    control.step('epoch');
    await control.whenHeld();
    expect(steps(events)).toBe(8);
    expect(epochs(events)).toBe(1);
    // A whole epoch from its start.
    control.step('epoch');
    await control.whenHeld();
    expect(steps(events)).toBe(16);
    expect(epochs(events)).toBe(2);
    // Each hold was reported, once, with where the loop stands.
    expect(events.filter((e) => e.event === 'halted')).toEqual([
      { event: 'halted', epoch: 1, step: 0 },
      { event: 'halted', epoch: 1, step: 1 },
      { event: 'halted', epoch: 1, step: 2 },
      { event: 'halted', epoch: 2, step: 8 },
      { event: 'halted', epoch: 3, step: 16 },
    ]);
    // Stepping is ignored while the run goes; resume finishes it.
    control.resume();
    const done = await training;
    expect(done.status).toBe('completed');
    expect(epochs(events)).toBe(3);
  });

  it('a run stepped epoch by epoch, or slowed by a delay, trains exactly as one at full speed', async () => {
    const full = await run(new RunControl());
    const control = new RunControl({ paused: true });
    const stepped = await run(control, async () => {
      for (let i = 0; i < 3; i++) {
        await control.whenHeld();
        control.step('epoch');
      }
    });
    const slow = await run(new RunControl({ delayMs: 1 }));
    expect(stepped.weights).toEqual(full.weights);
    expect(slow.weights).toEqual(full.weights);
    // The stepped run also said where it held: before each epoch, and after the last one's end.
    expect(stepped.events.filter((e) => e.event === 'halted')).toEqual([
      { event: 'halted', epoch: 1, step: 0 },
      { event: 'halted', epoch: 2, step: 8 },
      { event: 'halted', epoch: 3, step: 16 },
    ]);
    expect(withoutTimings(withoutHalts(stepped.events))).toEqual(withoutTimings(full.events));
    expect(withoutTimings(slow.events)).toEqual(withoutTimings(full.events));
  });
});

describe('pausing a running run', () => {
  it('reports the halt once, after every event of the steps before it, and nothing until resumed', async () => {
    const control = new RunControl();
    const events: EngineEvent[] = [];
    const prepared = prepareRun(doc, dataset);
    if (!prepared.ok) throw new Error('graph does not prepare');
    // Paused from inside the loop, when its fifth step is reported: the pause lands between steps.
    const training = train(
      { ...prepared.run.setup, stepEventEvery: 1 },
      (e) => {
        events.push(e);
        if (e.event === 'step' && e.step === 5) control.pause();
      },
      control,
    );
    await control.whenHeld();
    expect(events.at(-1)).toEqual({ event: 'halted', epoch: 1, step: 5 });
    expect(steps(events)).toBe(5);
    const held = events.length;
    // A speed change wakes the held loop, which holds again without a second report.
    control.setDelay(0);
    await control.whenHeld();
    expect(events.length).toBe(held);
    control.resume();
    expect((await training).status).toBe('completed');
    expect(events.filter((e) => e.event === 'halted')).toHaveLength(1);
    expect(events[held]).toMatchObject({ event: 'step', step: 6 });
  });
});
