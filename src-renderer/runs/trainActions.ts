// Starting a run from the editor: refuses with the list of problems when the graph cannot train.
import type { RunUpdate } from '../../src-shared/api';
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

export async function startTraining(): Promise<void> {
  const ui = useUiStore.getState();
  const runs = useRunStore.getState();
  const active = runs.activeRunId ? runs.live[runs.activeRunId] : undefined;
  if (active && ACTIVE_STATUSES.includes(active.status)) {
    ui.toast('A run is already training: pause or stop it first.');
    return;
  }
  const check = currentCheck();
  if (!check.ok) {
    const n = check.issues.length;
    ui.setBottomTab('problems');
    ui.toast(
      n ? `Fix ${n === 1 ? 'the problem' : `the ${n} problems`} in the graph before training.` : 'The graph cannot train yet.',
      'error',
    );
    return;
  }
  const content = currentContent();
  try {
    const dataset = useDatasetStore.getState().list.find((d) => d.id === content.training.dataset);
    // Next-character models also sample a few names each epoch (the Sequences screen lists them).
    const insights = { ...insightsFor(dataset?.inputShape), ...(isCharDataset(dataset) ? { samples: true } : {}) };
    const from = useStartWeights.getState().from ?? undefined;
    await runs.start(toGraphDoc(content), runName(content.meta.name), insights, from);
    runs.close();
    ui.setBottomTab('charts');
  } catch (e) {
    ui.toast(`Training could not start: ${errorText(e)}`, 'error');
  }
}

export async function pauseOrResume(): Promise<void> {
  const runs = useRunStore.getState();
  const live = runs.activeRunId ? runs.live[runs.activeRunId] : undefined;
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

/** Keeps the run list and live runs in step with the back end's pushes. */
export function subscribeToRunUpdates(): () => void {
  // Updates arrive one by one but in bursts (a batch per ~100 ms); they are applied together,
  // so the charts redraw once per batch, not once per step.
  let pending: RunUpdate[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    useRunStore.getState().applyUpdates(batch);
    useEpochSamples.getState().apply(batch);
    for (const update of batch) {
      if (update.kind === 'status' && update.runId === useRunStore.getState().activeRunId)
        announceEnd(update.status, update.error);
    }
  };
  return api().onRunUpdate((update) => {
    if (pending.length === 0) queueMicrotask(flush);
    pending.push(update);
  });
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
