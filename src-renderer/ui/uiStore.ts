// Interface state that is not part of the project: theme, open panels, dialogs and toasts.
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
export type BottomTab = 'training' | 'dataset' | 'charts' | 'problems';
export type SideTab = 'layers' | 'runs';

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
}

export type Dialog =
  | { kind: 'open' }
  | { kind: 'save' }
  | { kind: 'templates' }
  /** Export a run's model; without a run id, the dialog offers the latest finished run. */
  | { kind: 'exportModel'; runId?: string }
  | {
      kind: 'confirm';
      title: string;
      text: string;
      confirmLabel: string;
      danger?: boolean;
      onConfirm: () => void;
      onCancel: () => void;
      alternative?: { label: string; onChoose: () => void };
    };

/** A refused connection's reason, shown next to the pointer while connecting. */
export interface ConnectionHint {
  text: string;
  x: number;
  y: number;
}

interface UiState {
  theme: Theme;
  bottomTab: BottomTab;
  sideTab: SideTab;
  bottomOpen: boolean;
  /** Height of the bottom panel in pixels (the user drags its edge). */
  bottomHeight: number;
  dialog: Dialog | null;
  toasts: Toast[];
  hint: ConnectionHint | null;
  setTheme(theme: Theme): void;
  setBottomTab(tab: BottomTab): void;
  setSideTab(tab: SideTab): void;
  setBottomOpen(open: boolean): void;
  setBottomHeight(height: number): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  toast(text: string, kind?: Toast['kind']): void;
  dismissToast(id: number): void;
  setHint(hint: ConnectionHint | null): void;
}

let toastId = 0;

export const useUiStore = create<UiState>()((set, get) => ({
  theme: 'light',
  bottomTab: 'training',
  sideTab: 'layers',
  bottomOpen: true,
  bottomHeight: 280,
  dialog: null,
  toasts: [],
  hint: null,
  setTheme: (theme) => set({ theme }),
  setBottomTab: (bottomTab) => set({ bottomTab, bottomOpen: true }),
  setSideTab: (sideTab) => set({ sideTab }),
  setBottomOpen: (bottomOpen) => set({ bottomOpen }),
  setBottomHeight: (h) => set({ bottomHeight: Math.round(Math.min(Math.max(h, 140), Math.max(160, window.innerHeight - 220))) }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  toast(text, kind = 'info') {
    const id = ++toastId;
    set({ toasts: [...get().toasts.slice(-3), { id, kind, text }] });
    setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  setHint: (hint) => set({ hint }),
}));
