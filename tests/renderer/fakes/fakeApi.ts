// An in-memory LayerLabApi for unit tests of the app: runs, projects and settings live in
// maps; runs train for real with the engine on generated datasets (no Node needed). Never used by
// the app itself, which talks to the real back end through src-renderer/transport.
import type {
  DatasetListItem,
  LayerLabApi,
  MenuCommand,
  ProjectFileInfo,
  RunDetail,
  RunMetrics,
  RunStatus,
  RunSummary,
  RunUpdate,
} from '../../../src-shared/api';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { EngineEvent } from '../../../src-shared/engineEvents';
import { datasetRegistry, datasetSummary, createGeneratedDataset } from '../../../src-engine';
import { datasetPreview, summarize } from '../../../src-engine';
import { withSequencePreview } from '../../../src-engine';
import { prepareRun } from '../../../src-engine';
import { train } from '../../../src-engine';
import { setBackend } from '../../../src-engine';
import { CpuBackend, registerCpuKernels } from '../../../src-engine';
import { RunControl } from '../../../src-engine/hosts/node/runJob/runControl';

interface FakeRun {
  summary: RunSummary;
  graph: GraphDoc;
  metrics: RunMetrics;
  /** The engine's own pause/stop control, so the fake reports halts as the engine does. */
  control: RunControl;
}

export interface FakeApi extends LayerLabApi {
  /** Sends a menu command as the Electron menu would. */
  emitMenu(command: MenuCommand): void;
}

export function createFakeApi(): FakeApi {
  const runs = new Map<string, FakeRun>();
  const projects = new Map<string, { doc: GraphDoc; modifiedAt: string }>();
  const settings = new Map<string, unknown>();
  const runListeners = new Set<(u: RunUpdate) => void>();
  const menuListeners = new Set<(c: MenuCommand) => void>();
  let nextId = 1;
  const send = (u: RunUpdate) => runListeners.forEach((l) => l(u));
  const need = (id: string) => {
    const r = runs.get(id);
    if (!r) throw new Error(`no run "${id}"`);
    return r;
  };
  const setStatus = (r: FakeRun, status: RunStatus, error?: string) => {
    r.summary = { ...r.summary, status, ...(error ? { error } : {}) };
    send({ runId: r.summary.id, kind: 'status', status, ...(error ? { error } : {}) });
  };

  async function execute(r: FakeRun): Promise<void> {
    registerCpuKernels();
    setBackend(new CpuBackend('float32'));
    const t = r.graph.training;
    const dataset = createGeneratedDataset(t.dataset, {
      samples: t.datasetOptions?.samples,
      noise: t.datasetOptions?.noise,
      seed: t.datasetOptions?.seed,
    });
    const prepared = prepareRun(r.graph, dataset);
    if (!prepared.ok) return setStatus(r, 'failed', prepared.issues.map((i) => i.message).join('; '));
    r.summary = { ...r.summary, startedAt: new Date().toISOString() };
    setStatus(r, 'running');
    let pending: EngineEvent[] = [];
    const flush = () => {
      for (const event of pending) send({ runId: r.summary.id, kind: 'engine', event });
      pending = [];
    };
    const timer = setInterval(flush, 100);
    const done = await train(
      { ...prepared.run.setup, stepEventEvery: 1 },
      (e) => {
        record(r, e);
        pending.push(e);
      },
      r.control,
    );
    clearInterval(timer);
    flush();
    r.summary = {
      ...r.summary,
      finishedAt: new Date().toISOString(),
      epochsDone: done.epochs,
      finalTrainLoss: done.finalTrainLoss ?? undefined,
      finalValLoss: done.finalValLoss,
      finalValAcc: done.finalValAcc,
      finalValR2: done.finalValR2,
    };
    setStatus(r, done.status, done.message);
  }

  return {
    runs: {
      async start(graph, options) {
        const id = `run-${nextId++}`;
        const t = graph.training;
        const summary: RunSummary = {
          id,
          name: options?.name ?? id,
          status: 'queued',
          createdAt: new Date().toISOString(),
          datasetId: t.dataset,
          optimizer: t.optimizer.name,
          initializer: t.initializer ?? 'xavier_uniform',
          lr: t.optimizer.lr,
          seed: t.seed,
          backend: 'cpu',
          tags: [],
          notes: options?.notes ?? '',
          epochsDone: 0,
          epochsTotal: t.epochs,
        };
        const run: FakeRun = { summary, graph, metrics: { epochs: [], steps: [], layers: [] }, control: new RunControl() };
        runs.set(id, run);
        setTimeout(() => void execute(run).catch((e) => setStatus(run, 'failed', e instanceof Error ? e.message : String(e))), 0);
        return { runId: id };
      },
      async pause(id) {
        need(id).control.pause();
        setStatus(need(id), 'paused');
      },
      async resume(id) {
        need(id).control.resume();
        setStatus(need(id), 'running');
      },
      async stop(id) {
        need(id).control.stop();
      },
      // Stepping is the engine's (tests/engine/stepping.test.ts); here a step only pauses.
      async step(id) {
        need(id).control.pause();
        setStatus(need(id), 'paused');
      },
      async setSpeed(id) {
        need(id);
      },
      async list() {
        return [...runs.values()].map((r) => r.summary);
      },
      async get(id): Promise<RunDetail> {
        const r = need(id);
        return { ...r.summary, graph: r.graph, config: r.graph.training };
      },
      async metrics(id) {
        return structuredClone(need(id).metrics);
      },
      async backends() {
        return { cpuThreads: 1, webgpu: { available: false as const, reason: 'the fake API has no GPU' } };
      },
      async checkpoint(id) {
        need(id);
        return null;
      },
      async rename(id, name) {
        const r = need(id);
        r.summary = { ...r.summary, name };
      },
      async setTags(id, tags) {
        const r = need(id);
        r.summary = { ...r.summary, tags };
      },
      async setNotes(id, notes) {
        const r = need(id);
        r.summary = { ...r.summary, notes };
      },
      async delete(id) {
        runs.delete(id);
      },
    },
    sweeps: {
      async start() {
        throw new Error('sweeps are not part of the dev preview');
      },
      async startVariants() {
        throw new Error('sweeps are not part of the dev preview');
      },
      async list() {
        return [];
      },
    },
    inspect: {
      // Fake runs ask for no insights, and evaluations and gradient checks need engine processes.
      async insights(id) {
        need(id);
        return [];
      },
      async evaluate() {
        throw new Error('evaluating a split needs the back end');
      },
      async gradcheck() {
        throw new Error('the gradient check needs the back end');
      },
      async ensemble() {
        throw new Error('an ensemble needs the back end');
      },
      async word2vec() {
        throw new Error('training word vectors needs the back end');
      },
    },
    models: {
      async export() {
        throw new Error('exporting a model needs the back end');
      },
      async verification() {
        throw new Error('verifying an export needs the back end');
      },
      async importOnnx() {
        throw new Error('importing an ONNX model needs the back end');
      },
    },
    datasets: {
      async list(): Promise<DatasetListItem[]> {
        return datasetRegistry.list().map(datasetSummary);
      },
      async preview(id) {
        const entry = datasetRegistry.get(id);
        if (!entry || entry.source !== 'generated')
          throw new Error(`the dev preview only generates datasets; "${id}" needs the back end`);
        const ds = createGeneratedDataset(id);
        return { summary: summarize(ds), preview: withSequencePreview(datasetPreview(ds), ds) };
      },
      async uploadBegin() {
        throw new Error('uploads need the back end');
      },
      async uploadChunk() {
        throw new Error('uploads need the back end');
      },
      async uploadFinish() {
        throw new Error('uploads need the back end');
      },
    },
    projects: {
      async hasNativeDialogs() {
        return false;
      },
      async chooseDataFile() {
        return null;
      },
      async list(): Promise<ProjectFileInfo[]> {
        return [...projects].map(([path, p]) => ({
          path,
          name: path.replace(/\.layerlab\.json$/, ''),
          modifiedAt: p.modifiedAt,
        }));
      },
      async save(doc, path) {
        if (!path) return null;
        const file = path.endsWith('.layerlab.json') ? path : `${path}.layerlab.json`;
        projects.set(file, { doc: structuredClone(doc), modifiedAt: new Date().toISOString() });
        return { path: file };
      },
      async open(path) {
        const p = path ? projects.get(path) : undefined;
        if (!path || !p) throw new Error(`no project "${path}"`);
        return { path, doc: structuredClone(p.doc) };
      },
    },
    settings: {
      async get(key) {
        return settings.get(key) ?? null;
      },
      async set(key, value) {
        settings.set(key, value);
      },
    },
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    onRunUpdate(listener) {
      runListeners.add(listener);
      return () => runListeners.delete(listener);
    },
    emitMenu(command) {
      menuListeners.forEach((l) => l(command));
    },
  };
}

function record(r: FakeRun, e: EngineEvent): void {
  if (e.event === 'step') r.metrics.steps.push({ step: e.step, epoch: e.epoch, loss: e.loss });
  if (e.event === 'epoch') {
    r.metrics.epochs.push({
      epoch: e.epoch,
      step: e.step,
      trainLoss: e.trainLoss,
      trainAcc: e.trainAcc,
      valLoss: e.valLoss,
      valAcc: e.valAcc,
      valR2: e.valR2,
      valClassAcc: e.valClassAcc,
      lr: e.lr,
      elapsedMs: e.elapsedMs,
      samplesPerSec: e.samplesPerSec,
    });
    for (const [nodeId, d] of Object.entries(e.layers)) r.metrics.layers.push({ ...d, epoch: e.epoch, nodeId });
    r.summary = { ...r.summary, epochsDone: e.epoch };
  }
}
