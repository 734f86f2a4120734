// App flows against the in-memory API: train and follow a run, save and reopen projects,
// keyboard and menu commands.
import { beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '../../src-renderer/app/api';
import { createFakeApi, type FakeApi } from './fakes/fakeApi';
import { useGraphStore, selectDirty } from '../../src-renderer/document/graphStore';
import { fromGraphDoc } from '../../src-renderer/document/document';
import { emptyContent } from '../../src-renderer/document/defaults';
import { useRunStore } from '../../src-renderer/runs/runStore';
import { startTraining, subscribeToRunUpdates } from '../../src-renderer/runs/trainActions';
import { useUiStore } from '../../src-renderer/ui/uiStore';
import { openProjectPath, reopenLastProject, saveProject, saveTo } from '../../src-renderer/project/projectActions';
import { keyToCommand } from '../../src-renderer/app/useShortcuts';
import { runMenuCommand } from '../../src-renderer/app/commands';
import { TEMPLATES } from '../../src-renderer/templates/templates';

let fake: FakeApi;
const graph = () => useGraphStore.getState();
const ui = () => useUiStore.getState();

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeEach(() => {
  fake = createFakeApi();
  setApi(fake);
  graph().load(emptyContent(), null);
  useRunStore.setState({ runs: [], live: {}, activeRunId: null, viewed: null });
  useUiStore.setState({ dialog: null, toasts: [], bottomTab: 'training' });
});

describe('training from the editor', () => {
  it('refuses a graph with problems and shows them', async () => {
    graph().addLayer('Input', { x: 0, y: 0 });
    await startTraining();
    expect(useRunStore.getState().activeRunId).toBeNull();
    expect(ui().bottomTab).toBe('problems');
    expect(ui().toasts.at(-1)).toMatchObject({ kind: 'error', text: expect.stringMatching(/Fix .*before training/) });
  });

  it('starts a run, fills its live metrics and lists it when it completes', async () => {
    const stop = subscribeToRunUpdates();
    const perceptron = structuredClone(TEMPLATES[0].doc);
    perceptron.training.epochs = 30;
    graph().load(fromGraphDoc(perceptron), null);
    await startTraining();
    const runId = useRunStore.getState().activeRunId!;
    expect(runId).toBeTruthy();
    expect(ui().bottomTab).toBe('charts');
    await until(() => useRunStore.getState().live[runId]?.status === 'completed');
    const live = useRunStore.getState().live[runId];
    expect(live.metrics.epochs).toHaveLength(30);
    expect(live.revision).toBeGreaterThan(0);
    expect(live.progress).toMatchObject({ epoch: 30, epochs: 30, totalSteps: 30 });
    await until(() => useRunStore.getState().runs.some((r) => r.id === runId && r.status === 'completed'));
    expect(ui().toasts.some((t) => t.text === 'Training finished.')).toBe(true);

    await useRunStore.getState().open(runId);
    const viewed = useRunStore.getState().viewed!;
    expect(viewed.detail?.graph.nodes.map((n) => n.id)).toEqual(['input', 'neuron']);
    expect(viewed.metrics?.epochs.map((e) => e.trainLoss)).toEqual(live.metrics.epochs.map((e) => e.trainLoss));
    await useRunStore.getState().rename(runId, 'first try');
    await useRunStore.getState().setTags(runId, ['baseline']);
    expect(useRunStore.getState().runs[0]).toMatchObject({ name: 'first try', tags: ['baseline'] });
    expect(useRunStore.getState().viewed?.detail?.name).toBe('first try');
    await useRunStore.getState().remove(runId);
    expect(useRunStore.getState().runs).toEqual([]);
    expect(useRunStore.getState().viewed).toBeNull();
    stop();
  });

  it('refreshes a run opened while it trained once it ends, so its record shows the final status', async () => {
    const stop = subscribeToRunUpdates();
    const perceptron = structuredClone(TEMPLATES[0].doc);
    perceptron.training.epochs = 200;
    graph().load(fromGraphDoc(perceptron), null);
    await startTraining();
    const runId = useRunStore.getState().activeRunId!;
    await useRunStore.getState().open(runId);
    expect(useRunStore.getState().viewed?.detail?.status).not.toBe('completed');
    await until(() => useRunStore.getState().viewed?.detail?.status === 'completed');
    expect(useRunStore.getState().viewed?.metrics).toBeTruthy();
    stop();
  });

  it('keeps a second run from starting while one trains', async () => {
    useRunStore.setState({
      activeRunId: 'r',
      live: { r: { runId: 'r', status: 'running', metrics: null as never, revision: 0, progress: null as never } },
    });
    graph().load(fromGraphDoc(TEMPLATES[0].doc), null);
    await startTraining();
    expect(ui().toasts.at(-1)?.text).toMatch(/already training/);
  });

  it('says in plain words when a run fails', () => {
    const stop = subscribeToRunUpdates();
    useRunStore.setState({ activeRunId: 'r1' });
    useRunStore.getState().applyUpdate({ runId: 'r1', kind: 'status', status: 'failed', error: 'the dataset file is missing' });
    expect(useRunStore.getState().live.r1).toMatchObject({ status: 'failed', message: 'the dataset file is missing' });
    stop();
  });
});

describe('projects in serve mode', () => {
  it('saves through the app’s own dialog and reopens the file', async () => {
    graph().load(fromGraphDoc(TEMPLATES[1].doc), null);
    graph().setParam('hidden1', 'units', 12);
    await saveProject(false);
    expect(ui().dialog).toEqual({ kind: 'save' });
    expect(await saveTo('spiral-net')).toBe(true);
    expect(graph().projectPath).toBe('spiral-net.layerlab.json');
    expect(selectDirty(graph())).toBe(false);
    expect(await fake.settings.get('lastProject')).toBe('spiral-net.layerlab.json');

    // Ctrl+S on a saved project saves in place, without a dialog.
    graph().setParam('hidden1', 'units', 10);
    useUiStore.setState({ dialog: null });
    await saveProject(false);
    expect(ui().dialog).toBeNull();
    expect(selectDirty(graph())).toBe(false);

    graph().load(emptyContent(), null);
    expect(await reopenLastProject()).toBe(true);
    expect(graph().nodes.find((n) => n.id === 'hidden1')?.data.params.units).toBe(10);
    expect(graph().meta.name).toBe('MLP on the spiral');
  });

  it('asks before dropping unsaved changes, and keeps them when cancelled', async () => {
    await fake.projects.save(TEMPLATES[0].doc, 'gate');
    graph().addLayer('Input', { x: 0, y: 0 });
    const opening = openProjectPath('gate.layerlab.json');
    await until(() => ui().dialog?.kind === 'confirm');
    const dialog = ui().dialog;
    if (dialog?.kind !== 'confirm') throw new Error('no confirm dialog');
    dialog.onCancel();
    expect(await opening).toBe(false);
    expect(graph().nodes.map((n) => n.id)).toEqual(['input']);

    const again = openProjectPath('gate.layerlab.json');
    await until(() => ui().dialog?.kind === 'confirm');
    const confirm = ui().dialog;
    if (confirm?.kind === 'confirm') confirm.onConfirm();
    expect(await again).toBe(true);
    expect(graph().nodes.map((n) => n.id)).toEqual(['input', 'neuron']);
  });

  it('refuses a file that is not a LayerLab project, saying why', async () => {
    await fake.projects.save({ nonsense: true } as never, 'junk');
    expect(await openProjectPath('junk.layerlab.json', { skipConfirm: true })).toBe(false);
    expect(ui().toasts.at(-1)).toMatchObject({
      kind: 'error',
      text: expect.stringMatching(/junk\.layerlab\.json is not a LayerLab project/),
    });
  });
});

describe('commands', () => {
  it('maps keys to commands, leaving typing alone', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(keyToCommand(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(keyToCommand(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(keyToCommand(key('y', { metaKey: true }), false)).toBe('redo');
    expect(keyToCommand(key('d', { ctrlKey: true }), false)).toBe('duplicate');
    expect(keyToCommand(key('Delete'), false)).toBe('delete');
    expect(keyToCommand(key('Backspace'), true)).toBeNull();
    expect(keyToCommand(key('f'), false)).toBe('fitView');
    expect(keyToCommand(key('f'), true)).toBeNull();
    expect(keyToCommand(key('l'), false)).toBe('autoLayout');
    expect(keyToCommand(key('s', { ctrlKey: true }), true)).toBe('save');
    expect(keyToCommand(key('Enter', { ctrlKey: true }), true)).toBe('train');
    expect(keyToCommand(key('z', { ctrlKey: true }), true)).toBeNull();
  });

  it('runs the Electron menu’s undo and redo on the graph', () => {
    graph().addLayer('Input', { x: 0, y: 0 });
    runMenuCommand({ command: 'undo' });
    expect(graph().nodes).toHaveLength(0);
    runMenuCommand({ command: 'redo' });
    expect(graph().nodes).toHaveLength(1);
  });

  it('does not edit the graph while a finished run is open', () => {
    graph().addLayer('Input', { x: 0, y: 0 });
    useRunStore.setState({ viewed: { runId: 'x' } });
    runMenuCommand({ command: 'undo' });
    expect(graph().nodes).toHaveLength(1);
  });
});
