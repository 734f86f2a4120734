// Which backends a run can ask for here (CPU threads; the WebGPU adapter of an attached device
// host, or why there is none), for the Training panel's selector. Asked again when a device host
// attaches and whenever the selector gets focus (Electron's engine window may attach later).
import { create } from 'zustand';
import type { BackendAvailability } from '../../src-shared/api';
import { api, errorText } from '../app/api';

interface BackendState {
  availability: BackendAvailability | null;
  error?: string;
  load(): Promise<void>;
}

export const useBackendStore = create<BackendState>()((set) => ({
  availability: null,
  async load() {
    try {
      set({ availability: await api().runs.backends(), error: undefined });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
}));
