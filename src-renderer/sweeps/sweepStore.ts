// The sweep builder dialog: open or not, and the sweep it started (whose progress it shows).
import { create } from 'zustand';
import type { SearchSpec } from '../../src-shared/searchSpec';

export interface StartedSweep {
  sweepId: string;
  name: string;
  runIds: string[];
  /** Set for a search (not a classic grid): the results view reads its settings and metric. */
  search?: SearchSpec;
}

interface SweepState {
  open: boolean;
  started: StartedSweep | null;
  setOpen(open: boolean): void;
  setStarted(started: StartedSweep | null): void;
}

export const useSweepStore = create<SweepState>()((set) => ({
  open: false,
  started: null,
  setOpen: (open) => set(open ? { open } : { open, started: null }),
  setStarted: (started) => set({ started }),
}));
