// Progress of a live run, from its engine events: epoch, step, speed and time left.
import type { EngineEvent } from '../../src-shared/engineEvents';

export interface RunProgress {
  epoch: number;
  epochs: number;
  step: number;
  totalSteps: number;
  samplesPerSec: number;
  /** Wall-clock time of the first step we saw, for the ETA. */
  startedAt: number;
  startedAtStep: number;
  etaMs: number | null;
}

export function emptyProgress(): RunProgress {
  return { epoch: 0, epochs: 0, step: 0, totalSteps: 0, samplesPerSec: 0, startedAt: 0, startedAtStep: 0, etaMs: null };
}

export function advanceProgress(p: RunProgress, event: EngineEvent, now: number): RunProgress {
  switch (event.event) {
    case 'start':
      return { ...p, epochs: event.epochs, totalSteps: event.epochs * event.stepsPerEpoch, startedAt: now, startedAtStep: 0 };
    case 'step':
      return withEta({ ...p, epoch: Math.max(p.epoch, event.epoch - 1), step: event.step }, now);
    case 'epoch':
      return withEta({ ...p, epoch: event.epoch, step: event.step, samplesPerSec: event.samplesPerSec }, now);
    case 'done':
      return { ...p, epoch: event.epochs, step: event.steps, samplesPerSec: event.samplesPerSec || p.samplesPerSec, etaMs: 0 };
    default:
      return p;
  }
}

function withEta(p: RunProgress, now: number): RunProgress {
  const started = p.startedAt ? p : { ...p, startedAt: now, startedAtStep: p.step };
  const done = started.step - started.startedAtStep;
  const elapsed = now - started.startedAt;
  const left = started.totalSteps - started.step;
  // Under a second of history gives wild guesses; wait for more.
  const etaMs = done > 0 && elapsed >= 1000 && started.totalSteps ? (elapsed / done) * Math.max(0, left) : null;
  return { ...started, etaMs };
}

/** "1 h 02 min", "3 min 05 s", "12 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
