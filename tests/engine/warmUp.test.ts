// A spare engine's warm-up (src-engine/hosts/node/warmUp.ts): it compiles the kernels, starts the
// kernel threads a run then keeps, trains its small model to the end, and leaves no trace in the
// results of the run that follows.
import { describe, expect, it } from 'vitest';
import { warmUpEngine } from '../../src-engine/hosts/node/warmUp';
import { cpuThreadPool, cpuThreads } from '../../src-engine/hosts/node/cpuEngine';
import { trainJob } from '../../src-engine/hosts/node/runJob/trainJob';
import { RunControl } from '../../src-engine/hosts/node/runJob/runControl';
import { ENGINE_PROTOCOL, type EngineToHost } from '../../src-shared/engineProtocol';
import { GRAPH_FORMAT, type GraphDoc } from '../../src-shared/graphFormat';

function spiralDoc(): GraphDoc {
  const layers: Array<[string, string, Record<string, unknown>]> = [
    ['input', 'Input', {}],
    ['h1', 'Dense', { units: 8, activation: 'tanh' }],
    ['h2', 'Dense', { units: 8, activation: 'tanh' }],
    ['output', 'Dense', { units: 2, activation: 'softmax' }],
  ];
  return {
    format: GRAPH_FORMAT,
    nodes: layers.map(([id, type, params], i) => ({ id, type, params, position: { x: i * 200, y: 0 } })),
    edges: layers.slice(1).map(([id], i) => ({ id: `e${i + 1}`, source: layers[i]![0], target: id })),
    training: {
      dataset: 'spiral',
      datasetOptions: { samples: 300 },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.02 },
      batchSize: 16,
      epochs: 3,
      seed: 7,
      validationSplit: 0.2,
    },
  };
}

interface Sent {
  /** Every message but the clock-paced ones, without their timings. */
  messages: unknown[];
  /** The loss of each step reported (which steps are reported depends on the clock too). */
  stepLosses: Map<number, number | null>;
}

/** What a run sends that depends on its numbers: losses, accuracies, insights and weights. */
async function train(threads: number): Promise<Sent> {
  const messages: EngineToHost[] = [];
  await trainJob(
    {
      type: 'train',
      protocol: ENGINE_PROTOCOL,
      runId: 'r',
      graph: spiralDoc(),
      threads,
      insights: { histograms: true, network: true, boundary: true },
    },
    (m) => messages.push(m),
    new RunControl(),
  );
  // `best` checkpoints go out at most once a second, and step events at most 100 a second, so which
  // of them a run sends depends on the clock; the numbers they carry must not.
  const stepLosses = new Map<number, number | null>();
  for (const m of messages) if (m.type === 'event' && m.event.event === 'step') stepLosses.set(m.event.step, m.event.loss);
  const numeric = messages.filter(
    (m) => !(m.type === 'checkpoint' && m.kind === 'best') && !(m.type === 'event' && m.event.event === 'step'),
  );
  return {
    stepLosses,
    messages: numeric.map((m) => {
      if (m.type !== 'event') return m;
      // Timings differ from run to run; everything else must not.
      const { elapsedMs: _e, samplesPerSec: _s, ...rest } = m.event as Record<string, unknown>;
      return rest;
    }),
  };
}

describe('the spare engine warm-up', () => {
  it('starts the kernel threads the run keeps, trains to the end, and changes nothing in the next run', async () => {
    const before = await train(1);
    expect(cpuThreadPool()).toBeNull();

    const report = await warmUpEngine(2);
    expect(report.threads).toBe(2);
    // start, steps, epochs, insights, checkpoints, done: a run trained to its end.
    expect(report.events).toBeGreaterThan(10);
    const pool = cpuThreadPool();
    expect(pool?.threads).toBe(2);
    expect(pool?.readyHelpers).toBe(1);

    const after = await train(2);
    // The run asked for as many threads as the warm-up started: the same helpers, no new start.
    expect(cpuThreadPool()).toBe(pool);
    expect(cpuThreads()).toBe(2);
    // Bit-identical (and 1 thread = 2 threads, as always).
    expect(after.messages).toEqual(before.messages);
    expect(before.messages.some((m) => (m as { event?: string }).event === 'done')).toBe(true);
    const common = [...before.stepLosses.keys()].filter((step) => after.stepLosses.has(step));
    expect(common.length).toBeGreaterThan(0);
    for (const step of common) expect(after.stepLosses.get(step), `step ${step}`).toBe(before.stepLosses.get(step));
  });
});
