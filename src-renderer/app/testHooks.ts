// With ?testHooks=1 in the address, the stores are reachable from the page (e2e tests and the
// FPS benchmark load large graphs and stream chart data through them). Off otherwise.
import { useGraphStore } from '../document/graphStore';
import { useRunStore } from '../runs/runStore';
import { useUiStore } from '../ui/uiStore';
import { useDatasetStore } from '../datasets/datasetStore';
import { fromGraphDoc, toGraphDoc } from '../document/document';
import { parseGraph } from '../../src-shared/graphFormat';
import { currentContent } from '../document/graphStore';
import { inferenceBackend, inferenceSession } from './inference';
import { InferenceSession } from '../../src-engine';
import { pageCpuReady, pageWorkerPool, setPageCpuThreads } from '../../src-engine/hosts/browser';

export interface LayerLabTestHooks {
  graph: typeof useGraphStore;
  runs: typeof useRunStore;
  ui: typeof useUiStore;
  datasets: typeof useDatasetStore;
  /** Loads a graph document as an unsaved project; returns false if it does not parse. */
  loadDoc(doc: unknown): boolean;
  currentDoc(): unknown;
  /** The page's inference session and its kernels' helper workers (tests/e2e/pageKernels.test.ts). */
  inference: {
    session: typeof inferenceSession;
    /** A session on the plain JavaScript kernels, as the page ran before (bench/page-inference.ts). */
    plainSession(): InferenceSession;
    backend: typeof inferenceBackend;
    setThreads: typeof setPageCpuThreads;
    ready: typeof pageCpuReady;
    workers: typeof pageWorkerPool;
  };
}

declare global {
  interface Window {
    __layerlab?: LayerLabTestHooks;
  }
}

export function installTestHooks(): void {
  if (!new URLSearchParams(window.location.search).has('testHooks')) return;
  window.__layerlab = {
    graph: useGraphStore,
    runs: useRunStore,
    ui: useUiStore,
    datasets: useDatasetStore,
    loadDoc(doc) {
      const parsed = parseGraph(doc);
      if (!parsed.ok) return false;
      useGraphStore.getState().load(fromGraphDoc(parsed.graph), null);
      return true;
    },
    currentDoc: () => toGraphDoc(currentContent()),
    inference: {
      session: inferenceSession,
      plainSession: () => new InferenceSession(),
      backend: inferenceBackend,
      setThreads: setPageCpuThreads,
      ready: pageCpuReady,
      workers: pageWorkerPool,
    },
  };
}
