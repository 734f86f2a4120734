// Progress of a live run, from its engine events: epoch, step, speed and time left.
import type { EngineEvent } from '../../src-shared/engineEvents';

export interface RunProgress {
  epoch: number;
  epochs: number;
  step: number;
  totalSteps: number;
  samplesPerSec: number;
  /** Recent (time, step) readings, oldest first, for the ETA's rate. */
  marks: ReadonlyArray<{ at: number; step: number }>;
  etaMs: number | null;
}

/** The ETA's rate is measured over this much recent history: the first steps (engine warming up,
 *  the first evaluation) are slower than the rest, and a rate since the start overestimated a 65 s run as 8 min. */
const RATE_WINDOW_MS = 5000;

export function emptyProgress(): RunProgress {
  return { epoch: 0, epochs: 0, step: 0, totalSteps: 0, samplesPerSec: 0, marks: [], etaMs: null };
}

export function advanceProgress(p: RunProgress, event: EngineEvent, now: number): RunProgress {
  switch (event.event) {
    case 'start':
      return { ...p, epochs: event.epochs, totalSteps: event.epochs * event.stepsPerEpoch, marks: [] };
    case 'step':
      return withEta({ ...p, epoch: Math.max(p.epoch, event.epoch - 1), step: event.step }, now);
    case 'epoch':
      return withEta({ ...p, epoch: event.epoch, step: event.step, samplesPerSec: event.samplesPerSec }, now);
    case 'halted':
      // Where the loop holds, exactly (step events may be sparser than steps).
      return { ...p, epoch: Math.max(p.epoch, event.epoch - 1), step: event.step };
    case 'done':
      return { ...p, epoch: event.epochs, step: event.steps, samplesPerSec: event.samplesPerSec || p.samplesPerSec, etaMs: 0 };
    default:
      return p;
  }
}

function withEta(p: RunProgress, now: number): RunProgress {
  // Keep the readings of the last window, plus the one just before it (the window's start).
  // Events of one batch share a time and one reading: its step moves in place. (A step event comes
  // per step, thousands a second; copying the list for each cost more than the rest of the update.)
  const last = p.marks[p.marks.length - 1];
  let marks = p.marks;
  if (last?.at === now) last.step = p.step;
  else {
    const all = [...p.marks, { at: now, step: p.step }];
    let first = 0;
    while (first < all.length - 2 && all[first + 1]!.at <= now - RATE_WINDOW_MS) first++;
    marks = all.slice(first);
  }
  const oldest = marks[0]!;
  const done = p.step - oldest.step;
  const elapsed = now - oldest.at;
  const left = p.totalSteps - p.step;
  // Under a second of history gives wild guesses; wait for more.
  const etaMs = done > 0 && elapsed >= 1000 && p.totalSteps ? (elapsed / done) * Math.max(0, left) : null;
  return { ...p, marks, etaMs };
}

/** Number.toLocaleString builds its formatter at every call: the progress line (a dozen times a second) keeps one. */
const COUNT_FORMAT = new Intl.NumberFormat();

/** "12,345": a count, as toLocaleString() writes it. */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

/** "1 h 02 min", "3 min 05 s", "12 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
