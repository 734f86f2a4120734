// The editor's single source of truth: graph content, undo/redo history and the saved state.
import { create } from 'zustand';
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import type { OptimizerConfig, TrainingConfig } from '../../src-shared/graphFormat';
import { emptyHistory, record, redo as redoHistory, seal, undo as undoHistory, COALESCE_MS, type History } from './history';
import { emptyContent } from './defaults';
import { nextEdgeId, nextNodeId } from './ids';
import { toFlowEdge } from './document';
import { copySelection, deleteSelection, pasteClipboard, type ClipboardData } from './selection';
import { layoutNodes, type LayoutArea } from './layout';
import type { GraphContent, LayerFlowNode, ShapeFlowEdge } from './types';

interface Snapshot extends GraphContent {
  version: number;
}

export interface GraphState extends GraphContent {
  history: History<Snapshot>;
  /** Identifies the current content; equal to savedVersion when nothing changed since saving. */
  version: number;
  savedVersion: number;
  projectPath: string | null;
  clipboard: ClipboardData | null;
  dragging: boolean;
}

export interface GraphActions {
  onNodesChange(changes: NodeChange<LayerFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<ShapeFlowEdge>[]): void;
  beginDrag(): void;
  endDrag(): void;
  connect(source: string, target: string): void;
  addLayer(layerType: string, position: XYPosition): string;
  setParam(nodeId: string, name: string, value: unknown): void;
  setLabel(nodeId: string, label: string): void;
  setTraining(patch: Partial<TrainingConfig>, key?: string): void;
  setOptimizer(patch: Partial<OptimizerConfig>, key?: string): void;
  setName(name: string): void;
  select(ids: string[]): void;
  selectAll(): void;
  deleteSelected(): void;
  copy(): boolean;
  paste(offset?: XYPosition): void;
  duplicate(): void;
  undo(): void;
  redo(): void;
  /** Lays the graph out; with the canvas size, long networks wrap into rows. */
  autoLayout(area?: LayoutArea): void;
  /** Replaces the document; `unsaved` keeps it marked as changed (recovered work that was never saved). */
  load(content: GraphContent, path: string | null, unsaved?: boolean): void;
  markSaved(path: string): void;
}

/** An edit that changes nothing is not an undo step. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

let versionCounter = 0;
const nextVersion = () => ++versionCounter;

function snapshot(s: GraphState): Snapshot {
  return { nodes: s.nodes, edges: s.edges, training: s.training, meta: s.meta, version: s.version };
}

export function initialGraphState(): GraphState {
  const version = nextVersion();
  return {
    ...emptyContent(),
    history: emptyHistory(),
    version,
    savedVersion: version,
    projectPath: null,
    clipboard: null,
    dragging: false,
  };
}

export const useGraphStore = create<GraphState & GraphActions>()((set, get) => {
  /** Records the state before an edit; returns the version the edited state carries. */
  const checkpoint = (key: string | null = null): Pick<GraphState, 'history' | 'version'> => {
    const s = get();
    const now = Date.now();
    const merges = key !== null && key === s.history.lastKey && now - s.history.lastAt < COALESCE_MS;
    return { history: record(s.history, snapshot(s), key, now), version: merges ? s.version : nextVersion() };
  };

  // Undo and redo keep what is selected now (so the inspector stays on the layer being edited),
  // rather than bringing back the selection of the moment the snapshot was taken.
  const restore = (snap: Snapshot, history: History<Snapshot>) => {
    const selected = new Set(
      get()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    );
    const nodes = snap.nodes.map((n) =>
      Boolean(n.selected) === selected.has(n.id) ? n : { ...n, selected: selected.has(n.id) },
    );
    const edges = snap.edges.map((e) => (e.selected ? { ...e, selected: false } : e));
    set({ nodes, edges, training: snap.training, meta: snap.meta, version: snap.version, history });
  };

  return {
    ...initialGraphState(),

    onNodesChange(changes) {
      const s = get();
      const edits = changes.some(
        (c) => c.type === 'remove' || c.type === 'add' || (c.type === 'position' && !s.dragging && c.position),
      );
      const key = changes.every((c) => c.type === 'position') ? 'move' : null;
      let edges = s.edges;
      const removed = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
      if (removed.size) edges = edges.filter((e) => !removed.has(e.source) && !removed.has(e.target));
      set({ ...(edits ? checkpoint(key) : {}), nodes: applyNodeChanges(changes, s.nodes), edges });
    },

    onEdgesChange(changes) {
      const edits = changes.some((c) => c.type === 'remove' || c.type === 'add');
      set({ ...(edits ? checkpoint() : {}), edges: applyEdgeChanges(changes, get().edges) });
    },

    beginDrag() {
      set({ ...checkpoint(), dragging: true });
    },

    endDrag() {
      set({ dragging: false });
    },

    connect(source, target) {
      const s = get();
      const id = nextEdgeId(new Set(s.edges.map((e) => e.id)));
      set({ ...checkpoint(), edges: [...s.edges, toFlowEdge(source, target, id)] });
    },

    addLayer(layerType, position) {
      const s = get();
      const id = nextNodeId(layerType, new Set(s.nodes.map((n) => n.id)));
      const node: LayerFlowNode = { id, type: 'layer', position, data: { layerType, params: {} }, selected: true };
      set({
        ...checkpoint(),
        nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
        edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      });
      return id;
    },

    setParam(nodeId, name, value) {
      const s = get();
      const node = s.nodes.find((n) => n.id === nodeId);
      if (!node || same(node.data.params[name], value)) return;
      set({
        ...checkpoint(`param:${nodeId}:${name}`),
        nodes: s.nodes.map((n) => {
          if (n.id !== nodeId) return n;
          const params = { ...n.data.params };
          if (value === undefined) delete params[name];
          else params[name] = value;
          return { ...n, data: { ...n.data, params } };
        }),
      });
    },

    setLabel(nodeId, label) {
      const s = get();
      set({
        ...checkpoint(`label:${nodeId}`),
        nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, label: label || undefined } } : n)),
      });
    },

    setTraining(patch, key) {
      const t = get().training as unknown as Record<string, unknown>;
      if (Object.entries(patch).every(([k, v]) => same(t[k], v))) return;
      set({ ...checkpoint(key ?? `training:${Object.keys(patch).join(',')}`), training: { ...get().training, ...patch } });
    },

    setOptimizer(patch, key) {
      const t = get().training;
      const o = t.optimizer as unknown as Record<string, unknown>;
      if (Object.entries(patch).every(([k, v]) => same(o[k], v))) return;
      set({
        ...checkpoint(key ?? `optimizer:${Object.keys(patch).join(',')}`),
        training: { ...t, optimizer: { ...t.optimizer, ...patch } },
      });
    },

    setName(name) {
      set({ ...checkpoint('name'), meta: { ...get().meta, name } });
    },

    select(ids) {
      const wanted = new Set(ids);
      set({
        nodes: get().nodes.map((n) => (Boolean(n.selected) === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) })),
        edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      });
    },

    selectAll() {
      set({ nodes: get().nodes.map((n) => (n.selected ? n : { ...n, selected: true })) });
    },

    deleteSelected() {
      const s = get();
      if (!s.nodes.some((n) => n.selected) && !s.edges.some((e) => e.selected)) return;
      set({ ...checkpoint(), ...deleteSelection(s.nodes, s.edges) });
    },

    copy() {
      const clip = copySelection(get().nodes, get().edges);
      if (clip) set({ clipboard: clip });
      return clip !== null;
    },

    paste(offset = { x: 40, y: 40 }) {
      const s = get();
      if (!s.clipboard) return;
      // The next paste lands one step further, not on top of this one.
      const shifted = {
        ...s.clipboard,
        nodes: s.clipboard.nodes.map((n) => ({ ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } })),
      };
      set({ ...checkpoint(), ...pasteClipboard(s.clipboard, s.nodes, s.edges, offset), clipboard: shifted });
    },

    duplicate() {
      const s = get();
      const clip = copySelection(s.nodes, s.edges);
      if (clip) set({ ...checkpoint(), ...pasteClipboard(clip, s.nodes, s.edges, { x: 40, y: 40 }) });
    },

    undo() {
      const s = get();
      const step = undoHistory(s.history, snapshot(s));
      if (step) restore(step.restored, step.history);
    },

    redo() {
      const s = get();
      const step = redoHistory(s.history, snapshot(s));
      if (step) restore(step.restored, step.history);
    },

    autoLayout(area) {
      const s = get();
      if (!s.nodes.length) return;
      set({ ...checkpoint(), nodes: layoutNodes(s.nodes, s.edges, area) });
    },

    load(content, path, unsaved = false) {
      const version = nextVersion();
      const savedVersion = unsaved ? -1 : version;
      set({ ...content, history: emptyHistory(), version, savedVersion, projectPath: path, dragging: false });
    },

    markSaved(path) {
      set({ savedVersion: get().version, projectPath: path, history: seal(get().history) });
    },
  };
});

export function currentContent(s: GraphContent = useGraphStore.getState()): GraphContent {
  return { nodes: s.nodes, edges: s.edges, training: s.training, meta: s.meta };
}

export const selectDirty = (s: GraphState) => s.version !== s.savedVersion;
export const selectCanUndo = (s: GraphState) => s.history.past.length > 0;
export const selectCanRedo = (s: GraphState) => s.history.future.length > 0;
