// The speed the editor's runs play at: a delay between steps, chosen in the run bar and applied
// to the running run at once and to the next run at its start (watching it learn slowly).
import { create } from 'zustand';

export const SPEEDS: ReadonlyArray<{ delayMs: number; label: string }> = [
  { delayMs: 0, label: 'Full speed' },
  { delayMs: 20, label: 'Fast' },
  { delayMs: 100, label: 'Medium' },
  { delayMs: 400, label: 'Slow' },
  { delayMs: 1500, label: 'Very slow' },
];

interface PaceState {
  delayMs: number;
  setDelay(delayMs: number): void;
}

export const usePaceStore = create<PaceState>()((set) => ({
  delayMs: 0,
  setDelay: (delayMs) => set({ delayMs }),
}));
