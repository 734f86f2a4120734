// Runs: the history list, live runs fed by onRunUpdate, and the run opened for viewing.
import { create } from 'zustand';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { RunDetail, RunStatus, RunSummary, RunUpdate, StepUnit } from '../../src-shared/api';
import type { LayerLabApi } from '../../src-shared/contract';
import { api, errorText } from '../app/api';
import { MetricsBuffer } from '../charts/metricsBuffer';
import { advanceProgress, emptyProgress, type RunProgress } from './progress';

export interface LiveRun {
  runId: string;
  status: RunStatus;
  metrics: MetricsBuffer;
  /** Bumped whenever metrics gain points, so charts know to draw. */
  revision: number;
  progress: RunProgress;
  /** What happened, in plain words, for failed, diverged and stopped runs. */
  message?: string;
  /** The graph it trains (runs started here), for the warnings that read it. */
  graph?: GraphDoc;
  /** True once the engine says its loop holds after a pause (a paused run is "pausing" until then). */
  halted?: boolean;
}

export interface ViewedRun {
  runId: string;
  detail?: RunDetail;
  metrics?: MetricsBuffer;
  error?: string;
}

interface RunState {
  runs: RunSummary[];
  listError?: string;
  live: Record<string, LiveRun>;
  /** The run started from the editor, shown in the top bar. */
  activeRunId: string | null;
  viewed: ViewedRun | null;
  refresh(): Promise<void>;
  start(graph: GraphDoc, options?: RunStartOptions): Promise<string>;
  pause(): Promise<void>;
  /** One batch, or to the end of the epoch, of the editor's run (paused first if it runs). */
  step(unit: StepUnit): Promise<void>;
  setSpeed(delayMs: number): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  open(runId: string): Promise<void>;
  close(): void;
  /** Lets go of the editor's run once it has ended, so another document does not show its charts. */
  releaseEnded(): void;
  applyUpdate(update: RunUpdate): void;
  /** Several updates with one store change (the back end sends them in batches). */
  applyUpdates(updates: readonly RunUpdate[]): void;
  rename(runId: string, name: string): Promise<void>;
  setTags(runId: string, tags: string[]): Promise<void>;
  setNotes(runId: string, notes: string): Promise<void>;
  remove(runId: string): Promise<void>;
}

/** A run's name, description, insights and pace, as `runs.start` takes them. */
export type RunStartOptions = NonNullable<Parameters<LayerLabApi['runs']['start']>[1]>;

export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running', 'paused'];

function newLive(runId: string, status: RunStatus = 'queued'): LiveRun {
  return { runId, status, metrics: new MetricsBuffer(), revision: 0, progress: emptyProgress() };
}

export const useRunStore = create<RunState>()((set, get) => {
  const patchSummary = (runId: string, patch: Partial<RunSummary>) =>
    set({ runs: get().runs.map((r) => (r.id === runId ? { ...r, ...patch } : r)) });
  /** Fetches a run's stored record and metrics into the view, unless another run was opened meanwhile. */
  const loadViewed = async (runId: string) => {
    try {
      const [detail, metrics] = await Promise.all([api().runs.get(runId), api().runs.metrics(runId)]);
      if (get().viewed?.runId !== runId) return;
      set({ viewed: { runId, detail, metrics: MetricsBuffer.fromRunMetrics(metrics) } });
    } catch (e) {
      if (get().viewed?.runId === runId) set({ viewed: { runId, error: errorText(e) } });
    }
  };
  const patchDetail = (runId: string, patch: Partial<RunDetail>) => {
    const v = get().viewed;
    if (v?.runId === runId && v.detail) set({ viewed: { ...v, detail: { ...v.detail, ...patch } } });
  };

  return {
    runs: [],
    live: {},
    activeRunId: null,
    viewed: null,

    async refresh() {
      try {
        const runs = await api().runs.list();
        set({ runs: [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), listError: undefined });
      } catch (e) {
        set({ listError: errorText(e) });
      }
    },

    async start(graph, options) {
      const { runId } = await api().runs.start(graph, options);
      // Updates may have arrived before the reply; keep what they brought.
      const live = { ...(get().live[runId] ?? newLive(runId)), graph };
      set({ live: { ...get().live, [runId]: live }, activeRunId: runId });
      void get().refresh();
      return runId;
    },

    async pause() {
      const id = get().activeRunId;
      if (id) await api().runs.pause(id);
    },

    async resume() {
      const id = get().activeRunId;
      if (id) await api().runs.resume(id);
    },

    async step(unit) {
      const id = get().activeRunId;
      if (id) await api().runs.step(id, unit);
    },

    async setSpeed(delayMs) {
      const id = get().activeRunId;
      if (id) await api().runs.setSpeed(id, delayMs);
    },

    async stop() {
      const id = get().activeRunId;
      if (id) await api().runs.stop(id);
    },

    async open(runId) {
      set({ viewed: { runId } });
      await loadViewed(runId);
    },

    close() {
      set({ viewed: null });
    },

    releaseEnded() {
      const id = get().activeRunId;
      const status = id ? get().live[id]?.status : undefined;
      if (id && (!status || !ACTIVE_STATUSES.includes(status))) set({ activeRunId: null });
    },

    applyUpdate(update) {
      get().applyUpdates([update]);
    },

    applyUpdates(updates) {
      const live = { ...get().live };
      let refresh = false;
      let viewedEnded = false;
      for (const update of updates) {
        const current = live[update.runId] ?? newLive(update.runId);
        if (update.kind === 'status') {
          // A new status (paused again, resumed) waits for the engine's next halt to count as held.
          live[update.runId] = { ...current, status: update.status, message: update.error ?? current.message, halted: false };
          patchSummary(update.runId, { status: update.status, ...(update.error ? { error: update.error } : {}) });
          if (!ACTIVE_STATUSES.includes(update.status)) {
            refresh = true;
            // A run opened while it trained now has its final record (status, metrics) in the store.
            if (get().viewed?.runId === update.runId) viewedEnded = true;
          }
          continue;
        }
        if (update.kind === 'backend') {
          const patch = { backend: update.backend, adapter: update.adapter, backendNotice: update.notice };
          patchSummary(update.runId, patch);
          patchDetail(update.runId, patch);
          continue;
        }
        const event = update.event;
        const drew = current.metrics.apply(event);
        live[update.runId] = {
          ...current,
          status: event.event === 'done' || current.status !== 'queued' ? current.status : 'running',
          revision: drew ? current.revision + 1 : current.revision,
          progress: advanceProgress(current.progress, event, Date.now()),
          message: event.event === 'done' && event.message ? event.message : current.message,
          // A stepped batch or epoch trains again until the next halt.
          halted: event.event === 'halted' || (current.halted === true && event.event !== 'step' && event.event !== 'epoch'),
        };
      }
      set({ live });
      if (refresh) void get().refresh();
      if (viewedEnded) void loadViewed(get().viewed!.runId);
    },

    async rename(runId, name) {
      await api().runs.rename(runId, name);
      patchSummary(runId, { name });
      patchDetail(runId, { name });
    },

    async setTags(runId, tags) {
      await api().runs.setTags(runId, tags);
      patchSummary(runId, { tags });
      patchDetail(runId, { tags });
    },

    async setNotes(runId, notes) {
      await api().runs.setNotes(runId, notes);
      patchSummary(runId, { notes });
      patchDetail(runId, { notes });
    },

    async remove(runId) {
      await api().runs.delete(runId);
      const live = { ...get().live };
      delete live[runId];
      set({
        runs: get().runs.filter((r) => r.id !== runId),
        live,
        viewed: get().viewed?.runId === runId ? null : get().viewed,
        activeRunId: get().activeRunId === runId ? null : get().activeRunId,
      });
    },
  };
});
