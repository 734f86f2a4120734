// Dataset tab: the catalogue, the chosen dataset's facts and preview, generator options, import.
import { useEffect, useRef, useState } from 'react';
import type { DatasetListItem } from '../../src-shared/api';
import { catalogueEntry, formatShape, type ParamSpec } from '../app/engine';
import { useDatasetStore } from './datasetStore';
import { useGraphStore } from '../document/graphStore';
import { chooseDataset } from './chooseDataset';
import { ParamField } from '../inspector/ParamField';
import { DatasetPreviewView } from './DatasetPreviewView';
import { asDatasetPreview } from './previewTypes';
import { isDesktop } from '../transport';
import { UploadForm, UploadStatus, useUpload } from './UploadForm';
import { api } from '../app/api';
import { useUiStore } from '../ui/uiStore';
import { droppedFilePath, importPath, isTable } from './importPath';

export function DatasetPanel() {
  const list = useDatasetStore((s) => s.list);
  const current = useGraphStore((s) => s.training.dataset);
  const selected = list.find((d) => d.id === current);
  const listRef = useRef<HTMLUListElement>(null);
  // The chosen dataset may sit below the fold of the list (iris, MNIST): bring it into view.
  useEffect(() => {
    const item = listRef.current?.querySelector<HTMLElement>('.dataset-item.is-current');
    const box = listRef.current;
    if (item && box) box.scrollTop += item.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
  }, [current, list.length]);
  // In the browser, files come by upload (picked or dropped here); the desktop app reads paths.
  const browser = !isDesktop();
  const upload = useUpload();
  const [dragging, setDragging] = useState(false);
  const form = useImportForm();
  // A dropped file: uploaded in the browser; in the desktop app imported from where it lies, by the
  // path the preload reads from the drop, as if picked in the Choose… dialog.
  const takeDrop = (file: File) => {
    if (browser) return void upload.start(file);
    const path = droppedFilePath(file);
    if (!path)
      return useUiStore.getState().toast(`${file.name} has no path on this computer: drop a file from a folder.`, 'error');
    form.setPath(path);
    form.submit(path);
  };
  const dropHandlers = {
    onDragOver: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: (e: React.DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      const file = e.dataTransfer.files[0];
      if (!file) return;
      e.preventDefault();
      setDragging(false);
      takeDrop(file);
    },
  };
  return (
    <div className={dragging ? 'dataset-panel is-dropping' : 'dataset-panel'} {...dropHandlers} data-testid="dataset-panel">
      <ul className="dataset-list" aria-label="Datasets" ref={listRef}>
        {list.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className={d.id === current ? 'dataset-item is-current' : 'dataset-item'}
              aria-current={d.id === current ? 'true' : undefined}
              onClick={() => chooseDataset(d.id)}
              data-testid={`dataset-${d.id}`}
            >
              <span className="dataset-name">{d.name}</span>
              <span className="dataset-meta">
                {d.task === 'classification' ? `${d.classNames?.length ?? '?'} classes` : 'regression'} ·{' '}
                {formatShape(d.inputShape)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dataset-detail">
        {browser && <UploadStatus state={upload.state} />}
        {selected ? <DatasetDetail item={selected} /> : <UnknownDataset id={current} />}
        {browser && <UploadForm upload={upload} />}
        <ImportForm browser={browser} form={form} />
      </div>
    </div>
  );
}

function DatasetDetail({ item }: { item: DatasetListItem }) {
  const preview = useDatasetStore((s) => s.previews[item.id]);
  const loadPreview = useDatasetStore((s) => s.loadPreview);
  useEffect(() => void loadPreview(item.id), [item.id, loadPreview]);
  const data = asDatasetPreview(preview?.data);
  return (
    <div className="dataset-facts" data-testid="dataset-detail">
      <div className="dataset-facts-text">
        <h3>{item.name}</h3>
        <p>{item.description}</p>
        <dl>
          <dt>Task</dt>
          <dd>{item.task}</dd>
          <dt>Sample</dt>
          <dd>
            {formatShape(item.inputShape)} → {item.task === 'classification' ? 'class' : formatShape(item.targetShape)}
          </dd>
          <dt>Samples</dt>
          <dd>
            {item.count.toLocaleString()}
            {item.testCount ? ` + ${item.testCount.toLocaleString()} test` : ''}
          </dd>
        </dl>
        {item.classNames && (
          <div className="class-chips" aria-label="Classes">
            {item.classNames.slice(0, 12).map((c) => (
              <span key={c} className="chip static">
                {c}
              </span>
            ))}
            {item.classNames.length > 12 && <span className="muted">+{item.classNames.length - 12} more</span>}
          </div>
        )}
        <GeneratorOptions id={item.id} />
      </div>
      <div className="dataset-preview">
        {preview?.loading && <p className="muted">Loading a preview…</p>}
        {preview?.error && <p className="field-error">The preview could not load: {preview.error}</p>}
        {data && <DatasetPreviewView preview={data} classNames={item.classNames} task={item.task} />}
      </div>
    </div>
  );
}

const samplesSpec = (d: number): ParamSpec => ({
  kind: 'int',
  default: d,
  name: 'samples',
  label: 'Samples',
  min: 4,
  max: 100000,
  optional: true,
  description: 'How many points to generate.',
});
const noiseSpec = (d: number): ParamSpec => ({
  kind: 'number',
  default: d,
  name: 'noise',
  label: 'Noise',
  min: 0,
  max: 5,
  optional: true,
  description: 'How much the points scatter around the pattern.',
});

function GeneratorOptions({ id }: { id: string }) {
  const options = useGraphStore((s) => s.training.datasetOptions);
  const setTraining = useGraphStore((s) => s.setTraining);
  const entry = catalogueEntry(id);
  if (!entry?.defaults || entry.count === 4) return null;
  const set = (name: 'samples' | 'noise', v: unknown) =>
    setTraining({ datasetOptions: { ...options, [name]: v as number | undefined } }, `dataset:${name}`);
  return (
    <div className="generator-options">
      <ParamField spec={samplesSpec(entry.defaults.samples)} value={options?.samples} onChange={(v) => set('samples', v)} />
      <ParamField spec={noiseSpec(entry.defaults.noise)} value={options?.noise} onChange={(v) => set('noise', v)} />
    </div>
  );
}

function UnknownDataset({ id }: { id: string }) {
  const loadPreview = useDatasetStore((s) => s.loadPreview);
  const preview = useDatasetStore((s) => s.previews[id]);
  const target = useGraphStore((s) => s.training.datasetOptions?.target);
  useEffect(() => void loadPreview(id), [id, loadPreview]);
  return (
    <div className="dataset-facts">
      <div className="dataset-facts-text">
        <h3>{id.split(/[\\/]/).pop()}</h3>
        <p>
          A file on this computer{target ? `, predicting the column “${target}”` : ''}. It is read when training starts; problems
          in it (a missing column, text in a number column) are reported then, with the line.
        </p>
        {preview?.loading && <p className="muted">Reading the file…</p>}
        {preview?.error && (
          <p className="muted">
            No preview: {preview.error}. Set the Input layer’s shape in the inspector if it cannot follow the file.
          </p>
        )}
      </div>
    </div>
  );
}

/** The path form's state, kept by the panel so a file dropped anywhere on it is imported with the form's settings. */
function useImportForm() {
  const [path, setPath] = useState('');
  const [target, setTarget] = useState('');
  const [dropMissing, setDropMissing] = useState(false);
  const submit = (p = path) => importPath(p, { target, dropMissing });
  return { path, setPath, target, setTarget, dropMissing, setDropMissing, submit };
}

function ImportForm({ browser, form }: { browser: boolean; form: ReturnType<typeof useImportForm> }) {
  const { path, setPath, target, setTarget, dropMissing, setDropMissing, submit } = form;
  const isCsv = isTable(path);
  // The desktop app's native dialog fills the path; a CSV still waits for its target column.
  const browse = async () => {
    const chosen = await api()
      .projects.chooseDataFile()
      .catch(() => null);
    if (chosen) setPath(chosen);
  };
  return (
    <form
      className="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label="Import a dataset file"
    >
      <h4>{browser ? 'Or use a file on the server' : 'Import a file'}</h4>
      <p className="field-help">
        {browser
          ? 'A path inside the server’s projects folder or a folder it was started with (--data DIR).'
          : 'A CSV file (one row per sample) or IDX images (MNIST format; the labels file sits next to it), given by its path on this computer or dropped on this panel.'}
      </p>
      <div className="import-row">
        <input
          type="text"
          placeholder="/path/to/data.csv or train-images-idx3-ubyte"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          aria-label="File path"
          spellCheck={false}
        />
        {isCsv && (
          <input
            type="text"
            placeholder="column to predict"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-label="Target column"
            spellCheck={false}
          />
        )}
        {!browser && (
          <button type="button" className="button" onClick={() => void browse()} data-testid="choose-data-file">
            Choose…
          </button>
        )}
        <button type="submit" className="button" disabled={!path.trim()}>
          Use this file
        </button>
      </div>
      {isCsv && (
        <label className="inline-check">
          <input type="checkbox" checked={dropMissing} onChange={(e) => setDropMissing(e.target.checked)} />
          Drop rows with missing values (otherwise the first gap stops the import, naming its line)
        </label>
      )}
    </form>
  );
}
