// datasets.*: the catalogue, and previews computed in an engine process (loading MNIST must
// not freeze the window). Previews are cached for the life of the app.
import type { DatasetListItem, LayerLabApi } from '../../src-shared/api';
import { CATALOGUE, catalogueEntry } from '../../src-engine/data/catalogue';
import type { EngineSpawner } from '../engine/engineProcess';
import { previewInEngine } from '../engine/previewInEngine';
import { UserError } from './userError';
import { createUploads } from './uploads';

export function createDatasetsService(
  spawn: EngineSpawner,
  uploadsDir: string | null = null,
): LayerLabApi['datasets'] & { close(): void } {
  const uploads = createUploads(uploadsDir);
  const cache = new Map<string, Promise<{ summary: DatasetListItem; preview: unknown }>>();
  return {
    async list() {
      return CATALOGUE.map((e): DatasetListItem => ({
        id: e.id,
        name: e.name,
        description: e.description,
        task: e.task,
        inputShape: [...e.inputShape],
        targetShape: [...e.targetShape],
        ...(e.classNames ? { classNames: [...e.classNames] } : {}),
        ...(e.targetColumns ? { targetColumns: e.targetColumns.map((c) => ({ ...c })) } : {}),
        count: e.count,
        testCount: e.testCount,
      }));
    },
    preview(id, options = {}) {
      if (!catalogueEntry(id) && !looksLikeFile(id)) return Promise.reject(new UserError(`unknown dataset "${id}"`));
      // Files may change on disk: only catalogue previews are cached.
      if (!catalogueEntry(id)) return previewInEngine(spawn, id, options);
      let pending = cache.get(id);
      if (!pending) {
        pending = previewInEngine(spawn, id, options);
        cache.set(id, pending);
        // A failure is not cached: the next request tries again.
        pending.catch(() => cache.delete(id));
      }
      return pending;
    },
    ...uploads,
  };
}

/** Imported data: a CSV file, IDX files, or a folder of them, named by path. */
function looksLikeFile(id: string): boolean {
  return /[\\/]/.test(id) || /\.(csv|gz)$/i.test(id) || /-idx\d-ubyte$/i.test(id);
}
