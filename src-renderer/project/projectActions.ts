// New, open and save of project files (`*.layerlab.json`), and reopening the last one on start.
import { describeIssue, parseGraph, type GraphDoc } from '../../src-shared/graphFormat';
import { api, errorText } from '../app/api';
import { currentContent, selectDirty, useGraphStore } from '../document/graphStore';
import { fromGraphDoc, toGraphDoc } from '../document/document';
import { emptyContent } from '../document/defaults';
import { useRunStore } from '../runs/runStore';
import { useUiStore } from '../ui/uiStore';
import { chooseAction } from '../ui/confirm';
import { fitCanvas } from '../canvas/canvasControls';
import { LAST_PROJECT_KEY } from '../../src-shared/settingsKeys';

let nativeDialogs: Promise<boolean> | null = null;
function hasNativeDialogs(): Promise<boolean> {
  nativeDialogs ??= api()
    .projects.hasNativeDialogs()
    .catch(() => false);
  return nativeDialogs;
}

/** True when there is nothing unsaved, or the user agreed to drop it. */
export async function confirmDiscard(what: string): Promise<boolean> {
  if (!selectDirty(useGraphStore.getState())) return true;
  const choice = await chooseAction({
    title: 'Discard unsaved changes?',
    text: `The current project has changes that are not saved. ${what} will drop them.`,
    confirmLabel: 'Discard changes',
    alternativeLabel: 'Save first',
    danger: true,
  });
  if (choice !== 'alternative') return choice === 'confirm';
  return saveBeforeLeaving();
}

/** "Save first": saves where the project lives (or where Electron's dialog says) and goes on only if it was saved.
 *  An untitled project in the browser needs a name first: the save dialog opens and the action waits for another try. */
async function saveBeforeLeaving(): Promise<boolean> {
  const path = useGraphStore.getState().projectPath;
  if (path) return saveTo(path);
  if (await hasNativeDialogs()) return saveTo(undefined);
  useUiStore.getState().openDialog({ kind: 'save' });
  useUiStore.getState().toast('Name the project to save it, then try again.');
  return false;
}

export async function newProject(): Promise<void> {
  if (!(await confirmDiscard('Starting a new project'))) return;
  showDoc(null, null);
}

/** Loads a graph as a new, unsaved project (templates, "edit a copy" of a run). */
export async function openAsNewProject(doc: GraphDoc, what: string): Promise<boolean> {
  if (!(await confirmDiscard(what))) return false;
  showDoc(doc, null);
  return true;
}

export async function openProject(): Promise<void> {
  if (!(await hasNativeDialogs())) {
    useUiStore.getState().openDialog({ kind: 'open' });
    return;
  }
  if (!(await confirmDiscard('Opening another project'))) return;
  await openFrom(undefined);
}

export async function openProjectPath(path: string, options: { quiet?: boolean; skipConfirm?: boolean } = {}): Promise<boolean> {
  if (!options.skipConfirm && !(await confirmDiscard('Opening another project'))) return false;
  return openFrom(path, options.quiet);
}

async function openFrom(path: string | undefined, quiet = false): Promise<boolean> {
  const ui = useUiStore.getState();
  try {
    const result = await api().projects.open(path);
    if (!result) return false;
    const parsed = parseGraph(result.doc);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      if (!quiet)
        ui.toast(`${result.path} is not a LayerLab project: ${first ? describeIssue(first) : 'unknown format'}`, 'error');
      return false;
    }
    showDoc(parsed.graph, result.path);
    await api().settings.set(LAST_PROJECT_KEY, result.path);
    return true;
  } catch (e) {
    if (!quiet) ui.toast(`Could not open ${path ?? 'the project'}: ${errorText(e)}`, 'error');
    return false;
  }
}

export async function saveProject(asNew: boolean): Promise<void> {
  const path = useGraphStore.getState().projectPath;
  if (!asNew && path) {
    await saveTo(path);
    return;
  }
  if (await hasNativeDialogs()) await saveTo(undefined);
  else useUiStore.getState().openDialog({ kind: 'save' });
}

/** Saves under `path` (a file name in serve mode); without one, Electron asks where. */
export async function saveTo(path: string | undefined): Promise<boolean> {
  const ui = useUiStore.getState();
  const graph = useGraphStore.getState();
  if (path && (!graph.meta.name || graph.meta.name === 'Untitled')) graph.setName(projectNameOf(path));
  try {
    const result = await api().projects.save(toGraphDoc(currentContent()), path);
    if (!result) return false;
    useGraphStore.getState().markSaved(result.path);
    await api().settings.set(LAST_PROJECT_KEY, result.path);
    ui.toast(`Saved ${projectNameOf(result.path)}`, 'success');
    return true;
  } catch (e) {
    ui.toast(`Could not save: ${errorText(e)}`, 'error');
    return false;
  }
}

/** Reopens the project of the last session, if there was one and it still opens. */
export async function reopenLastProject(): Promise<boolean> {
  try {
    const last = await api().settings.get(LAST_PROJECT_KEY);
    if (typeof last !== 'string' || !last) return false;
    return await openProjectPath(last, { quiet: true, skipConfirm: true });
  } catch {
    return false;
  }
}

/** "mlp" from "/home/ana/mlp.layerlab.json". */
export function projectNameOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.layerlab\.json$/i, '').replace(/\.json$/i, '');
}

function showDoc(doc: GraphDoc | null, path: string | null): void {
  useGraphStore.getState().load(doc ? fromGraphDoc(doc) : emptyContent(), path);
  useRunStore.getState().close();
  // The charts of a finished run belong to the document it trained (they stayed up after opening a template).
  useRunStore.getState().releaseEnded();
  setTimeout(fitCanvas, 50);
}
