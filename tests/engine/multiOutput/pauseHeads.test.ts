// A multi-output run halts on pause exactly as a single-output one does: it reports the halt
// once, after the steps before it, and trains on from there when resumed.
import { describe, expect, it } from 'vitest';
import '../setup';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import { RunControl } from '../../../src-engine/hosts/node/runJob/runControl';
import type { EngineEvent } from '../../../src-shared/engineEvents';
import { classBoxGraph } from './shapesGraph';

describe('pausing a multi-output run', () => {
  it('halts between steps, says so, and resumes from the step it held at', async () => {
    const p = prepareRun(classBoxGraph({ epochs: 2 }), createGeneratedDataset('shapes', { samples: 240, seed: 3 }));
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    expect(p.run.setup.heads).toBeDefined();
    const control = new RunControl();
    const events: EngineEvent[] = [];
    const training = train(
      { ...p.run.setup, stepEventEvery: 1 },
      (e) => {
        events.push(e);
        if (e.event === 'step' && e.step === 3) control.pause();
      },
      control,
    );
    await control.whenHeld();
    expect(events.at(-1)).toEqual({ event: 'halted', epoch: 1, step: 3 });
    const held = events.length;
    control.resume();
    expect((await training).status).toBe('completed');
    expect(events[held]).toMatchObject({ event: 'step', step: 4 });
    expect(events.filter((e) => e.event === 'halted')).toHaveLength(1);
  });
});
