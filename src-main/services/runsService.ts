// runs.*: start (validate, snapshot, queue), control, and the records of past runs.
import { randomUUID } from 'node:crypto';
import type { LayerLabApi, RunDetail } from '../../src-shared/api';
import { describeIssue, type GraphDoc } from '../../src-shared/graphFormat';
import { validateGraph } from '../../src-engine/graph/validate';
import { catalogueDatasetInfo } from '../../src-engine/graph/catalogueDatasetInfo';
import { machineParameterMemory } from '../../src-engine/hosts/node/machineMemory';
import type { Store } from '../store/store';
import type { RunManager } from '../engine/runManager';
import type { DeviceHosts } from '../engine/deviceHosts';
import { availableParallelism } from 'node:os';
import { UserError } from './userError';
import { startingWeights } from './startingWeights';

export interface RunsServiceDeps {
  store: Store;
  manager: RunManager;
  /** Attached pages or windows that can train on WebGPU. */
  devices: DeviceHosts;
}

/** The backend recorded when a run is queued: the one asked for (the engine may fall back later). */
export function requestedBackend(graph: GraphDoc): string {
  return graph.training.backend ?? 'cpu';
}

/** Throws a UserError listing what is wrong with the graph, naming nodes and fields. */
export function assertTrainable(graph: GraphDoc, what = 'the graph'): void {
  // The model's size is checked here too, so a run too large for this machine is never stored.
  const v = validateGraph(graph, catalogueDatasetInfo(graph.training.dataset, graph.training.datasetOptions?.features), {
    parameterMemory: machineParameterMemory(),
  });
  if (!v.ok) throw new UserError(`${what} cannot train: ${v.issues.map(describeIssue).join('; ')}`);
}

export function defaultRunName(graph: GraphDoc): string {
  const o = graph.training.optimizer;
  return `${graph.name?.trim() || 'Untitled graph'} · ${o.name} lr ${o.lr}`;
}

export function createRunsService({ store, manager, devices }: RunsServiceDeps): LayerLabApi['runs'] {
  const requireRun = (id: string): RunDetail => {
    const run = store.runs.detail(id);
    if (!run) throw new UserError(`there is no run ${id}`);
    return run;
  };

  return {
    async start(graph, options) {
      assertTrainable(graph);
      // Another run's weights are checked against this graph, tensor by tensor, before anything is recorded.
      const from = options?.initialWeights;
      const initialTensors = from
        ? startingWeights(store, graph, validateGraph(graph, catalogueDatasetInfo(graph.training.dataset)), from)
        : undefined;
      const id = randomUUID();
      store.runs.insert({
        id,
        name: options?.name ?? defaultRunName(graph),
        graph,
        backend: requestedBackend(graph),
        createdAt: new Date().toISOString(),
      });
      if (options?.notes) store.runs.setNotes(id, options.notes);
      manager.enqueue(id, graph, options?.insights, options?.pace, initialTensors);
      return { runId: id };
    },
    async pause(id) {
      manager.pause(id);
    },
    async resume(id) {
      manager.resume(id);
    },
    async step(id, unit) {
      manager.step(id, unit);
    },
    async setSpeed(id, delayMs) {
      manager.setSpeed(id, delayMs);
    },
    async stop(id) {
      manager.stop(id);
    },
    async list() {
      return store.runs.list();
    },
    async get(id) {
      return requireRun(id);
    },
    async metrics(id) {
      requireRun(id);
      return store.metrics.all(id);
    },
    async backends() {
      return { cpuThreads: availableParallelism(), webgpu: devices.webGpu() };
    },
    async checkpoint(id, kind) {
      requireRun(id);
      const c = store.checkpoints.load(id, kind);
      // Plain number arrays: the reply crosses IPC and WebSocket as JSON.
      return c
        ? { kind, epoch: c.epoch, tensors: c.tensors.map((t) => ({ name: t.name, shape: t.shape, data: Array.from(t.data) })) }
        : null;
    },
    async rename(id, name) {
      requireRun(id);
      store.runs.rename(id, name);
    },
    async setTags(id, tags) {
      requireRun(id);
      store.runs.setTags(id, [...new Set(tags)]);
    },
    async setNotes(id, notes) {
      requireRun(id);
      store.runs.setNotes(id, notes);
    },
    async delete(id) {
      requireRun(id);
      if (manager.isActive(id)) throw new UserError(`run ${id} is still active; stop it before deleting it`);
      store.runs.delete(id);
    },
  };
}
