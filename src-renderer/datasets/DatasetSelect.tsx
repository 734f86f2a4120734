// The dataset picker of the top bar, grouped by task.
import { useDatasetStore } from './datasetStore';
import { useGraphStore } from '../document/graphStore';
import { useRunStore } from '../runs/runStore';
import { chooseDataset } from './chooseDataset';

export function DatasetSelect() {
  const list = useDatasetStore((s) => s.list);
  const current = useGraphStore((s) => s.training.dataset);
  const readOnly = useRunStore((s) => s.viewed !== null);
  const groups = [
    { label: 'Classification', items: list.filter((d) => d.task === 'classification') },
    { label: 'Regression', items: list.filter((d) => d.task === 'regression') },
  ];
  return (
    <label className="topbar-field" data-tip="The data this network trains on" data-tip-side="below">
      <span className="topbar-field-label">Dataset</span>
      <select
        value={current}
        onChange={(e) => chooseDataset(e.target.value)}
        disabled={readOnly}
        data-testid="dataset-select"
        aria-label="Dataset"
      >
        {!list.some((d) => d.id === current) && <option value={current}>{current}</option>}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.items.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
