// The column beside the editor's canvas: the live output (boundary, regression surface or image
// samples), then the data and run controls that shape what it shows.
import { OutputPanel } from './OutputPanel';
import './outputPanel.css';
import { DataControls } from '../livelab/DataControls';
import { useGraphStore } from '../document/graphStore';
import { useDatasetStore } from '../datasets/datasetStore';
import { outputKind } from './outputKind';

/** Shown for data with a live output (a plane or images); tabular data leaves the canvas the room. */
export function OutputColumn() {
  const datasetId = useGraphStore((s) => s.training.dataset);
  const summary = useDatasetStore((s) => s.list.find((d) => d.id === datasetId));
  if (outputKind(summary) === 'none') return null;
  return (
    <aside className="output-column" aria-label="Output and data" data-testid="output-column">
      <OutputPanel />
      <DataControls />
    </aside>
  );
}
