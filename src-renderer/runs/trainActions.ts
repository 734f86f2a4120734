// Starting a run from the editor: refuses with the list of problems when the graph cannot train.
import type { RunUpdate, StepUnit } from '../../src-shared/api';
import { api, errorText } from '../app/api';
import { currentContent, useGraphStore } from '../document/graphStore';
import { toGraphDoc } from '../document/document';
import { useUiStore } from '../ui/uiStore';
import { currentCheck } from '../validation/useLiveCheck';
import { ACTIVE_STATUSES, useRunStore } from './runStore';
import { useDatasetStore } from '../datasets/datasetStore';
import { insightsFor } from '../insight/insightStore';
import { useEpochSamples } from '../sequences/epochSampleStore';
import { isCharDataset } from '../sequences/sequenceRuns';
import { useStartWeights } from '../export/startWeightsStore';
import { seedSpec } from '../app/engine';
import { usePaceStore } from './paceStore';
import { frameBatcher } from './frameBatch';

/** What the user may add when starting a run: a name and a description, and whether it starts paused (to step it). */
export interface TrainChoices {
  name?: string;
  notes?: string;
  paused?: boolean;
}

export async function startTraining(choices: TrainChoices = {}): Promise<boolean> {
  const ui = useUiStore.getState();
  const runs = useRunStore.getState();
  const active = runs.activeRunId ? runs.live[runs.activeRunId] : undefined;
  if (active && ACTIVE_STATUSES.includes(active.status)) {
    ui.toast('A run is already training: pause or stop it first.');
    return false;
  }
  const check = currentCheck();
  if (!check.ok) {
    const n = check.issues.length;
    ui.setBottomTab('problems');
    ui.toast(
      n ? `Fix ${n === 1 ? 'the problem' : `the ${n} problems`} in the graph before training.` : 'The graph cannot train yet.',
      'error',
    );
    return false;
  }
  const content = currentContent();
  try {
    const dataset = useDatasetStore.getState().list.find((d) => d.id === content.training.dataset);
    // Next-character models also sample a few names each epoch (the Sequences screen lists them).
    const insights = { ...insightsFor(dataset?.inputShape), ...(isCharDataset(dataset) ? { samples: true } : {}) };
    const from = useStartWeights.getState().from ?? undefined;
    const delayMs = usePaceStore.getState().delayMs;
    await runs.start(toGraphDoc(content), {
      name: choices.name?.trim() || runName(content.meta.name),
      ...(choices.notes?.trim() ? { notes: choices.notes.trim() } : {}),
      insights,
      ...(from ? { initialWeights: from } : {}),
      ...(choices.paused || delayMs
        ? { pace: { ...(choices.paused ? { paused: true } : {}), ...(delayMs ? { delayMs } : {}) } }
        : {}),
    });
    runs.close();
    ui.setBottomTab('charts');
    return true;
  } catch (e) {
    ui.toast(`Training could not start: ${errorText(e)}`, 'error');
    return false;
  }
}

function activeRun() {
  const runs = useRunStore.getState();
  const live = runs.activeRunId ? runs.live[runs.activeRunId] : undefined;
  return live && ACTIVE_STATUSES.includes(live.status) ? live : undefined;
}

/** One batch, or the rest of the epoch; with no run going, starts one paused and steps it. */
export async function stepTraining(unit: StepUnit): Promise<void> {
  try {
    if (!activeRun() && !(await startTraining({ paused: true }))) return;
    await useRunStore.getState().step(unit);
  } catch (e) {
    useUiStore.getState().toast(errorText(e), 'error');
  }
}

/** The delay between steps, for the running run now and for the next ones. */
export async function setPlaySpeed(delayMs: number): Promise<void> {
  usePaceStore.getState().setDelay(delayMs);
  if (!activeRun()) return;
  try {
    await useRunStore.getState().setSpeed(delayMs);
  } catch (e) {
    useUiStore.getState().toast(errorText(e), 'error');
  }
}

/** Fresh weights: ends the run going, then starts one paused at step 0, from the same seed or a new one. */
export async function reinitialize(newSeed: boolean): Promise<void> {
  const live = activeRun();
  if (live) {
    await stopTraining();
    await untilEnded(live.runId);
  }
  if (newSeed) useGraphStore.getState().setTraining({ seed: randomSeed() });
  if (await startTraining({ paused: true }))
    useUiStore
      .getState()
      .toast(`Weights re-initialised (seed ${useGraphStore.getState().training.seed}): paused before the first step.`, 'info');
}

function randomSeed(): number {
  const max = seedSpec.kind === 'int' && seedSpec.max !== undefined ? seedSpec.max : 2 ** 31 - 1;
  return Math.floor(Math.random() * max);
}

function untilEnded(runId: string): Promise<void> {
  return new Promise((resolve) => {
    const ended = () => {
      const status = useRunStore.getState().live[runId]?.status;
      return !status || !ACTIVE_STATUSES.includes(status);
    };
    if (ended()) return resolve();
    const unsubscribe = useRunStore.subscribe(() => {
      if (!ended()) return;
      unsubscribe();
      resolve();
    });
  });
}

/** Play/pause: pauses or resumes the run going, or starts one. */
export async function pauseOrResume(): Promise<void> {
  const runs = useRunStore.getState();
  const live = activeRun();
  if (!live) {
    await startTraining();
    return;
  }
  try {
    if (live?.status === 'paused') await runs.resume();
    else await runs.pause();
  } catch (e) {
    useUiStore.getState().toast(errorText(e), 'error');
  }
}

export async function stopTraining(): Promise<void> {
  try {
    await useRunStore.getState().stop();
  } catch (e) {
    useUiStore.getState().toast(errorText(e), 'error');
  }
}

function runName(projectName: string | undefined): string {
  const t = useGraphStore.getState().training;
  const base = `${projectName && projectName !== 'Untitled' ? projectName : t.dataset} · ${t.optimizer.name} ${t.optimizer.lr}`;
  return uniqueRunName(
    base,
    new Date(),
    useRunStore.getState().runs.map((r) => r.name),
  );
}

/** "<base> · 18:22", made unique among `taken` (runs started in the same minute got identical names). */
export function uniqueRunName(base: string, at: Date, taken: readonly string[]): string {
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const name = `${base} · ${time}`;
  const used = new Set(taken);
  if (!used.has(name)) return name;
  let n = 2;
  while (used.has(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

/** Keeps the run list and live runs in step with the back end's pushes, applied once per frame (frameBatch.ts). */
export function subscribeToRunUpdates(): () => void {
  const push = frameBatcher<RunUpdate>((batch) => {
    useRunStore.getState().applyUpdates(batch);
    useEpochSamples.getState().apply(batch);
    for (const update of batch) {
      if (update.kind === 'status' && update.runId === useRunStore.getState().activeRunId)
        announceEnd(update.status, update.error);
    }
  });
  return api().onRunUpdate(push);
}

function announceEnd(status: string, error: string | undefined): void {
  const ui = useUiStore.getState();
  if (status === 'completed') ui.toast('Training finished.', 'success');
  else if (status === 'diverged') {
    // The engine's message already starts "diverged at step N (epoch E): …".
    const why = error ?? 'diverged: the loss stopped being a number';
    const said = /^diverged\b/i.test(why) ? why : `diverged: ${why}`;
    ui.toast(`Training ${said}${/learning rate/.test(why) ? '' : '; try a lower learning rate'}.`, 'error');
  } else if (status === 'failed') ui.toast(`Training failed: ${error ?? 'the engine stopped unexpectedly'}`, 'error');
  else if (status === 'interrupted') ui.toast(`Training was interrupted${error ? `: ${error}` : ''}.`, 'error');
}
