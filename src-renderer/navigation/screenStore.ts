// Which full-width screen replaces the editor (Compare, the optimizer lab), and the runs ticked in the history.
import { create } from 'zustand';
import { api, errorText } from '../app/api';
import type { ComparedRun } from '../compare/comparison';
import { countOf } from '../runs/format';

export type Screen =
  | { kind: 'compare'; title: string }
  | { kind: 'optimizerLab' }
  | { kind: 'inside' }
  | { kind: 'initLab' }
  | { kind: 'model'; runId: string }
  | { kind: 'gradCheck' }
  | { kind: 'sequences' }
  | { kind: 'lessons' };

interface ScreenState {
  screen: Screen | null;
  /** Runs ticked in the history for comparison. */
  selected: string[];
  compared: ComparedRun[];
  loading: boolean;
  error?: string;
  toggle(runId: string): void;
  clearSelection(): void;
  show(screen: Screen | null): void;
  compare(runIds: string[], title?: string): Promise<void>;
}

export const useScreenStore = create<ScreenState>()((set, get) => ({
  screen: null,
  selected: [],
  compared: [],
  loading: false,
  toggle(runId) {
    const s = get().selected;
    set({ selected: s.includes(runId) ? s.filter((id) => id !== runId) : [...s, runId] });
  },
  clearSelection: () => set({ selected: [] }),
  show: (screen) => set({ screen }),
  async compare(runIds, title = countOf(runIds.length, 'run')) {
    set({ screen: { kind: 'compare', title }, loading: true, error: undefined, compared: [] });
    try {
      const runs = await Promise.all(
        runIds.map(async (id) => {
          const [detail, metrics] = await Promise.all([api().runs.get(id), api().runs.metrics(id)]);
          return { id, name: detail.name, detail, epochs: metrics.epochs } satisfies ComparedRun;
        }),
      );
      set({ compared: runs, loading: false });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },
}));
