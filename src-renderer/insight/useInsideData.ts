// What the Inside screen draws for one run: its graph order, status and dataset points (fetched
// once) and its stored layer diagnostics (fetched again as epochs pass).
import { useEffect, useState } from 'react';
import type { LayerMetric, RunStatus } from '../../src-shared/api';
import { api, errorText } from '../app/api';
import { asDatasetPreview } from '../datasets/previewTypes';

export interface InsideData {
  order: string[];
  datasetId?: string;
  /** The run's stored status when it was loaded. */
  status?: RunStatus;
  /** The run held a test split out of its dataset (its testSplit fraction). */
  heldOutTest?: boolean;
  points: Array<{ x: number; y: number; label: number }>;
  layers: LayerMetric[];
  error?: string;
}

export function useInsideData(runId: string | null, epoch: number, status: string | undefined): InsideData {
  const [base, setBase] = useState<Omit<InsideData, 'layers'>>({ order: [], points: [] });
  const [layers, setLayers] = useState<LayerMetric[]>([]);
  useEffect(() => {
    setBase({ order: [], points: [] });
    setLayers([]);
    if (!runId) return;
    let live = true;
    (async () => {
      const detail = await api().runs.get(runId);
      if (live)
        setBase({
          order: detail.graph.nodes.map((n) => n.id),
          datasetId: detail.datasetId,
          status: detail.status,
          heldOutTest: (detail.config.testSplit ?? 0) > 0,
          points: [],
        });
      const preview = await api()
        .datasets.preview(detail.datasetId)
        .catch(() => null);
      const p = asDatasetPreview(preview?.preview);
      if (live && p?.kind === 'points') setBase((b) => ({ ...b, points: p.points }));
    })().catch((e) => live && setBase({ order: [], points: [], error: errorText(e) }));
    return () => {
      live = false;
    };
  }, [runId, status]);
  useEffect(() => {
    if (!runId) return;
    let live = true;
    api()
      .runs.metrics(runId)
      .then(
        (m) => live && setLayers(m.layers),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [runId, epoch, status]);
  return { ...base, layers };
}
