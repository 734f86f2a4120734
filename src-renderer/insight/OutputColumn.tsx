// The column beside the editor's canvas: the live output (boundary, regression surface or image
// samples), then the data and run controls that shape what it shows.
import { OutputPanel } from './OutputPanel';
import './outputPanel.css';
import { DataControls } from '../livelab/DataControls';

export function OutputColumn() {
  return (
    <aside className="output-column" aria-label="Output and data" data-testid="output-column">
      <OutputPanel />
      <DataControls />
    </aside>
  );
}
