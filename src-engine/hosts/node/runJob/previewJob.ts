// A dataset's summary and preview, computed in an engine process so that loading a large
// dataset never blocks the main process. Sequence datasets add their own preview (characters as
// text, words by name, and the vocabulary that names the rows of trained word vectors).
import { datasetPreview, summarize } from '../../../data/preview';
import { withSequencePreview } from '../../../data/sequences/preview';
import { DatasetError } from '../../../data/errors';
import { loadDataset } from '../datasets';
import type { EngineToHost } from '../../../../src-shared/engineProtocol';
import type { DatasetLoadOptions } from '../../../../src-shared/api';

/** Catalogue ids and imported files (CSV with its target column, IDX) alike; the loader names what is wrong. */
export async function previewJob(
  datasetId: string,
  options: DatasetLoadOptions,
  post: (message: EngineToHost) => void,
): Promise<void> {
  try {
    const dataset = await loadDataset(datasetId, options);
    post({ type: 'preview', summary: summarize(dataset), preview: withSequencePreview(datasetPreview(dataset), dataset) });
  } catch (e) {
    const why = e instanceof DatasetError ? e.message : (e as Error).message;
    post({ type: 'failed', message: `dataset "${datasetId}": ${why}` });
  }
}
