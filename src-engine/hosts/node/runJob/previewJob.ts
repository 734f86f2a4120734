// A dataset's summary and preview, computed in an engine process so that loading a large
// dataset never blocks the main process.
import { datasetPreview, summarize } from '../../../data/preview';
import { DatasetError } from '../../../data/errors';
import { catalogueEntry } from '../../../data/catalogue';
import { loadDataset } from '../datasets';
import type { EngineToHost } from '../../../../src-shared/engineProtocol';

export async function previewJob(datasetId: string, post: (message: EngineToHost) => void): Promise<void> {
  if (!catalogueEntry(datasetId)) {
    post({ type: 'failed', message: `unknown dataset "${datasetId}"` });
    return;
  }
  try {
    const dataset = await loadDataset(datasetId, {});
    post({ type: 'preview', summary: summarize(dataset), preview: datasetPreview(dataset) });
  } catch (e) {
    const why = e instanceof DatasetError ? e.message : (e as Error).message;
    post({ type: 'failed', message: `dataset "${datasetId}": ${why}` });
  }
}
