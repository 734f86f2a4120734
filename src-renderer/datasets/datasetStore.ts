// The datasets the user can pick, and what validation needs to know about the chosen one.
import { create } from 'zustand';
import type { DatasetListItem } from '../../src-shared/api';
import { api, errorText } from '../app/api';
import { datasetRegistry, datasetSummary, planeFeatureShape, type DatasetInfo } from '../app/engine';
import type { PlaneFeature } from '../../src-shared/graphFormat';
import { useGraphStore } from '../document/graphStore';

export interface PreviewState {
  loading: boolean;
  data?: unknown;
  error?: string;
}

interface DatasetState {
  /** Starts as the built-in catalogue so the canvas can check shapes before the back end answers. */
  list: DatasetListItem[];
  previews: Record<string, PreviewState>;
  load(): Promise<void>;
  /** Loads the preview (and, for an imported file, its summary) once; `force` reloads. */
  loadPreview(id: string, force?: boolean): Promise<void>;
}

export const builtinDatasets: DatasetListItem[] = datasetRegistry.list().map(datasetSummary);

export const useDatasetStore = create<DatasetState>()((set, get) => ({
  list: builtinDatasets,
  previews: {},

  async load() {
    try {
      const list = await api().datasets.list();
      // Keep imported files the back end does not list.
      const imported = get().list.filter((d) => !builtinDatasets.includes(d) && !list.some((l) => l.id === d.id));
      if (list.length) set({ list: [...list, ...imported] });
    } catch {
      // The built-in catalogue stays; the dataset panel shows errors when a preview fails.
    }
  },

  async loadPreview(id, force = false) {
    const existing = get().previews[id];
    if (!force && existing && (existing.loading || existing.data || existing.error)) return;
    set({ previews: { ...get().previews, [id]: { loading: true } } });
    try {
      const options = useGraphStore.getState().training.datasetOptions;
      const { summary, preview } = await api().datasets.preview(id, {
        ...(options?.target ? { target: options.target } : {}),
        ...(options?.missing ? { missing: options.missing } : {}),
      });
      // An imported file joins the list, so validation learns its shapes.
      const list = get().list.some((d) => d.id === id) ? get().list : [...get().list, { ...summary, id }];
      set({ list, previews: { ...get().previews, [id]: { loading: false, data: preview } } });
    } catch (e) {
      set({ previews: { ...get().previews, [id]: { loading: false, error: errorText(e) } } });
    }
  },
}));

const infoCache = new WeakMap<DatasetListItem, Map<string, DatasetInfo>>();

/**
 * Validation's view of a dataset, its input widened by the chosen input features of 2-D data;
 * the same object for the same list item and features, so checks memoize.
 */
export function datasetInfo(
  list: readonly DatasetListItem[],
  id: string,
  features?: readonly PlaneFeature[],
): DatasetInfo | undefined {
  const item = list.find((d) => d.id === id);
  if (!item) return undefined;
  let byFeatures = infoCache.get(item);
  if (!byFeatures) infoCache.set(item, (byFeatures = new Map()));
  const key = (features ?? []).join(',');
  let info = byFeatures.get(key);
  if (!info) {
    info = {
      task: item.task,
      inputShape: planeFeatureShape(item.inputShape, features),
      targetShape: item.targetShape,
      classCount: item.classNames?.length,
      targetColumns: item.targetColumns,
    };
    byFeatures.set(key, info);
  }
  return info;
}
