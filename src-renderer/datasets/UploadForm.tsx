// Serve mode's way to bring data: pick a file or drop it on the Dataset panel; it is uploaded in
// chunks with a progress bar, then used like any imported file.
import { useCallback, useRef, useState } from 'react';
import { api, errorText } from '../app/api';
import { useDatasetStore } from './datasetStore';
import { chooseDataset } from './chooseDataset';
import { uploadFile } from './uploadFile';

export interface UploadState {
  /** The file under way, with bytes sent of total. */
  progress: { name: string; sent: number; total: number } | null;
  error: string | null;
  target: string;
  dropMissing: boolean;
}

export function useUpload() {
  const [state, setState] = useState<UploadState>({ progress: null, error: null, target: '', dropMissing: false });
  const settings = useRef(state);
  settings.current = state;
  const start = useCallback(async (file: File) => {
    if (settings.current.progress) return;
    setState((s) => ({ ...s, error: null, progress: { name: file.name, sent: 0, total: file.size } }));
    try {
      const path = await uploadFile(api().datasets, file, (sent, total) =>
        setState((s) => ({ ...s, progress: { name: file.name, sent, total } })),
      );
      const { target, dropMissing } = settings.current;
      const isCsv = /\.csv$/i.test(path);
      chooseDataset(
        path,
        isCsv
          ? { ...(target.trim() ? { target: target.trim() } : {}), ...(dropMissing ? { missing: 'drop' as const } : {}) }
          : {},
      );
      void useDatasetStore.getState().loadPreview(path, true);
      setState((s) => ({ ...s, progress: null }));
    } catch (e) {
      setState((s) => ({ ...s, progress: null, error: `${file.name} was not uploaded: ${errorText(e)}` }));
    }
  }, []);
  return { state, setState, start };
}

export function UploadForm({ upload }: { upload: ReturnType<typeof useUpload> }) {
  const { state, setState, start } = upload;
  const input = useRef<HTMLInputElement>(null);
  const { progress } = state;
  return (
    <div className="import-form upload-form" aria-label="Upload a dataset file" role="group">
      <h4>Upload a file</h4>
      <p className="field-help">
        A CSV file (one row per sample, up to 512 MB), a .txt corpus or IDX images. Choose it, or drop it anywhere on this panel.
      </p>
      <div className="import-row">
        <input
          type="text"
          placeholder="CSV: column to predict"
          value={state.target}
          onChange={(e) => setState((s) => ({ ...s, target: e.target.value }))}
          aria-label="Target column"
          spellCheck={false}
        />
        <button
          type="button"
          className="button"
          disabled={progress !== null}
          onClick={() => input.current?.click()}
          data-testid="upload-choose"
        >
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".csv,.gz,.txt,.text,.md,application/octet-stream"
          data-testid="upload-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void start(file);
          }}
        />
      </div>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={state.dropMissing}
          onChange={(e) => setState((s) => ({ ...s, dropMissing: e.target.checked }))}
        />
        Drop rows with missing values (otherwise the first gap stops the import, naming its line)
      </label>
    </div>
  );
}

/** The upload under way (with its progress bar) or why the last one failed, shown at the top of the panel so a dropped file's fate is in view. */
export function UploadStatus({ state }: { state: UploadState }) {
  const { progress } = state;
  if (!progress && !state.error) return null;
  return (
    <div className="upload-status">
      {progress && (
        <div className="upload-progress" data-testid="upload-progress">
          <span>
            Uploading {progress.name}: {megabytes(progress.sent)} of {megabytes(progress.total)}
          </span>
          <progress max={progress.total} value={progress.sent} aria-label={`Uploading ${progress.name}`} />
        </div>
      )}
      {state.error && (
        <p className="field-error" data-testid="upload-error">
          {state.error}
        </p>
      )}
    </div>
  );
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
