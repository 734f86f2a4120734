// Runs a graph on an in-memory dataset and collects its events.
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import { describeIssue, type GraphDoc } from '../../src-shared/graphFormat';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { Dataset } from '../../src-engine/data/types';

export type EpochEvent = Extract<EngineEvent, { event: 'epoch' }>;
export type DoneEvent = Extract<EngineEvent, { event: 'done' }>;

export async function trainGraph(doc: GraphDoc, dataset: Dataset) {
  const prepared = prepareRun(doc, dataset);
  if (!prepared.ok) throw new Error(prepared.issues.map(describeIssue).join('; '));
  const events: EngineEvent[] = [];
  const done = await train({ ...prepared.run.setup, stepEventEvery: 1 }, (e) => events.push(e));
  const epochs = events.filter((e): e is EpochEvent => e.event === 'epoch');
  return { run: prepared.run, events, epochs, done };
}

/** Events without wall-clock fields, for bit-for-bit comparisons. */
export function withoutTimings(events: EngineEvent[]): unknown[] {
  return events.map((e) => {
    const copy: Record<string, unknown> = { ...e };
    delete copy.elapsedMs;
    delete copy.samplesPerSec;
    return copy;
  });
}
