// The Training panel's "Start from weights of run…" choice: the next run started from the editor
// begins with that run's weights (null: the seeded initialization).
import { create } from 'zustand';
import type { InitialWeights } from '../../src-shared/api';

interface StartWeightsState {
  from: InitialWeights | null;
  choose(from: InitialWeights | null): void;
}

export const useStartWeights = create<StartWeightsState>((set) => ({
  from: null,
  choose: (from) => set({ from }),
}));
