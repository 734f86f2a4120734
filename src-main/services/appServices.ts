// Everything behind the API, wired from its dependencies (database file, engine spawner,
// project storage), so that Electron, serve mode and tests assemble the same services.
import type { RunUpdate } from '../../src-shared/api';
import type { EngineSpawner } from '../engine/engineProcess';
import { RunManager } from '../engine/runManager';
import { DeviceHosts } from '../engine/deviceHosts';
import { UpdateStream } from '../engine/updateStream';
import { openStore, type Store } from '../store/store';
import { createDispatcher, type ApiHandlers, type Dispatch } from './dispatcher';
import { createRunsService } from './runsService';
import { createSweepsService } from './sweepsService';
import { createDatasetsService } from './datasetsService';
import { createInspectService } from './inspectService';
import { createModelsService, type SaveExport } from './modelsService';
import { OneOffJobs } from '../engine/oneOffJobs';
import { CONCURRENCY_KEY, createSettingsService } from './settingsService';
import { guardDataAccess, type DataAccess } from './dataAccess';

export interface AppServicesOptions {
  dbPath: string;
  spawnEngine: EngineSpawner;
  /** Project files: native dialogs in Electron, a folder in serve mode. */
  projects: (store: Store) => ApiHandlers['projects'];
  /** Runs at once; without it, the saved `engine.concurrency` setting, else 1. */
  concurrency?: number;
  /** How often buffered metrics are written and forwarded (default 50 ms: live views at up to 20 Hz). */
  updateIntervalMs?: number;
  /** Pages or windows that train on WebGPU (default: a new, empty registry). */
  devices?: DeviceHosts;
  onInternalError?: (e: unknown) => void;
  /** Serve mode: data files only from these folders, and browser uploads stored in `uploadsDir` (one of them). */
  dataAccess?: DataAccess & { uploadsDir: string };
  /** The desktop app saves exports through a native dialog; elsewhere their bytes go back to the page. */
  saveExport?: SaveExport;
}

export interface AppServices {
  store: Store;
  manager: RunManager;
  /** Where device hosts (serve-mode pages, Electron's engine window) attach. */
  devices: DeviceHosts;
  handlers: ApiHandlers;
  dispatch: Dispatch;
  /** Batches of run updates, after they are in the database. */
  onRunUpdates(listener: (updates: RunUpdate[]) => void): () => void;
  /** Ends every engine (active runs become interrupted) and closes the database. */
  close(reason?: string): void;
  /** How many runs start-up recovery marked interrupted. */
  recovered: number;
}

export function createAppServices(o: AppServicesOptions): AppServices {
  const store = openStore(o.dbPath);
  // Nothing runs yet: any run still marked active belongs to an app that crashed or was killed.
  const recovered = store.recoverInterrupted();
  const updates = new UpdateStream(store, o.updateIntervalMs ?? 50);
  const saved = store.settings.get(CONCURRENCY_KEY);
  const concurrency = o.concurrency ?? (typeof saved === 'number' && Number.isInteger(saved) && saved >= 1 ? saved : 1);
  const devices = o.devices ?? new DeviceHosts();
  const manager = new RunManager({ store, spawn: o.spawnEngine, updates, concurrency, devices });
  // Evaluations, gradient checks and exports share one queue: one extra engine beside the training runs at most.
  const jobs = new OneOffJobs();
  const datasets = createDatasetsService(o.spawnEngine, o.dataAccess?.uploadsDir ?? null);
  const handlers: ApiHandlers = {
    runs: createRunsService({ store, manager, devices }),
    sweeps: createSweepsService({ store, manager }),
    datasets,
    inspect: createInspectService({ store, manager, spawn: o.spawnEngine, jobs }),
    models: createModelsService({
      store,
      manager,
      spawn: o.spawnEngine,
      jobs,
      ...(o.saveExport ? { saveExport: o.saveExport } : {}),
    }),
    projects: o.projects(store),
    settings: createSettingsService(store, manager),
  };
  if (o.dataAccess) guardDataAccess(handlers, store, o.dataAccess);
  let closed = false;
  return {
    store,
    manager,
    devices,
    handlers,
    dispatch: createDispatcher(handlers, o.onInternalError),
    onRunUpdates: (listener) => updates.subscribe(listener),
    recovered,
    close(reason = 'LayerLab closed during this run; the epochs recorded before are kept') {
      if (closed) return;
      closed = true;
      manager.shutdown(reason);
      datasets.close();
      updates.close();
      store.close();
    },
  };
}
