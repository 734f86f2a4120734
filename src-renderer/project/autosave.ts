// Autosave and crash recovery: while the document has unsaved changes, a copy goes to the page's
// storage (localStorage: the browser's in serve mode, the app's data folder in Electron) a moment
// after each change; saving, or a document without changes, removes it. If the app ends with the
// copy still there (a crash, a killed tab, closing past the warning), the next start offers it back.
// Each page holds a Web Lock while it lives, so a copy whose page is still open (another tab) is
// not taken for a crash, and one page never removes another's copy.
import { currentContent, selectDirty, useGraphStore } from '../document/graphStore';
import type { GraphContent } from '../document/types';
import { useUiStore } from '../ui/uiStore';

export const AUTOSAVE_KEY = 'layerlab.autosave/1';
/** How long after the last change the copy is written: typing a name writes once, not per key. */
export const AUTOSAVE_DELAY_MS = 600;

interface Draft {
  /** The page that wrote it (its lock is held while it is open). */
  owner?: string;
  savedAt: string;
  path: string | null;
  content: GraphContent;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PAGE_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());
const lockName = (page: string) => `layerlab.page.${page}`;
let lockTaken = false;

/** Held until the page goes away: a killed tab, or a crashed app, releases it. */
function holdPageLock(): void {
  if (lockTaken || typeof navigator === 'undefined' || !navigator.locks) return;
  lockTaken = true;
  void navigator.locks.request(lockName(PAGE_ID), () => new Promise<never>(() => undefined));
}

async function ownerIsOpen(draft: Draft): Promise<boolean> {
  if (!draft.owner || draft.owner === PAGE_ID || typeof navigator === 'undefined' || !navigator.locks) return false;
  const { held = [] } = await navigator.locks.query();
  return held.some((l) => l.name === lockName(draft.owner!));
}

function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Keeps the copy in step with the document; returns the unsubscribe. */
export function startAutosave(storage: Storage | null = pageStorage()): () => void {
  if (!storage) return () => undefined;
  holdPageLock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const s = useGraphStore.getState();
    if (!selectDirty(s) || s.nodes.length === 0) {
      if (readDraft(storage)?.owner === PAGE_ID) storage.removeItem(AUTOSAVE_KEY);
      return;
    }
    const draft: Draft = { owner: PAGE_ID, savedAt: new Date().toISOString(), path: s.projectPath, content: currentContent(s) };
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(draft));
    } catch {
      // Storage full or refused: the copy is a safety net, never a reason to interrupt the work.
    }
  };
  const unsubscribe = useGraphStore.subscribe((s, before) => {
    if (s.version === before.version && s.savedVersion === before.savedVersion) return;
    if (timer) clearTimeout(timer);
    // Saved (or a fresh document): nothing to recover, at once.
    if (!selectDirty(s)) return write();
    timer = setTimeout(write, AUTOSAVE_DELAY_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

function readDraft(storage: Storage): Draft | null {
  try {
    const draft = JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? 'null') as Draft | null;
    return draft && Array.isArray(draft.content?.nodes) && draft.content.nodes.length > 0 ? draft : null;
  } catch {
    return null;
  }
}

/** At start: offers the unsaved copy left by the last session; true when it was restored. */
export async function offerRecovery(storage: Storage | null = pageStorage()): Promise<boolean> {
  const draft = storage ? readDraft(storage) : null;
  if (!storage || !draft || (await ownerIsOpen(draft))) return false;
  const name = draft.content.meta?.name || (draft.path ? draft.path.split(/[\\/]/).pop() : 'Untitled');
  const layers = draft.content.nodes.length;
  const when = new Date(draft.savedAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return new Promise((resolve) => {
    useUiStore.getState().openDialog({
      kind: 'confirm',
      title: 'Restore unsaved changes?',
      text: `LayerLab closed before “${name}” was saved (${layers} layer${layers === 1 ? '' : 's'}, changed ${when}). Restore those changes, or discard them?`,
      confirmLabel: 'Restore',
      onConfirm: () => {
        useGraphStore.getState().load(draft.content, draft.path, true);
        resolve(true);
      },
      alternative: {
        label: 'Discard',
        onChoose: () => {
          storage.removeItem(AUTOSAVE_KEY);
          resolve(false);
        },
      },
      // Cancel decides nothing: the copy stays until the document changes again.
      onCancel: () => resolve(false),
    });
  });
}
