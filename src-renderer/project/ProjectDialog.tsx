// Open and save in serve mode, where there are no system file dialogs: the projects folder's files.
import { useEffect, useState } from 'react';
import type { ProjectFileInfo } from '../../src-shared/api';
import { api, errorText } from '../app/api';
import { Modal } from '../ui/Modal';
import { useGraphStore } from '../document/graphStore';
import { openProjectPath, projectNameOf, saveTo } from './projectActions';
import { timeAgo } from '../runs/format';

export function ProjectDialog({ mode, onClose }: { mode: 'open' | 'save'; onClose(): void }) {
  const [files, setFiles] = useState<ProjectFileInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useGraphStore((s) => s.meta.name);
  const [name, setName] = useState(current && current !== 'Untitled' ? current : '');
  useEffect(() => {
    api()
      .projects.list()
      .then(setFiles, (e) => setError(errorText(e)));
  }, []);

  const exists = mode === 'save' && Boolean(files?.some((f) => projectNameOf(f.path) === name.trim()));
  const open = async (path: string) => {
    onClose();
    await openProjectPath(path);
  };
  const save = async () => {
    const fileName = name.trim();
    if (!fileName) return;
    onClose();
    await saveTo(fileName);
  };

  return (
    <Modal
      title={mode === 'open' ? 'Open a project' : 'Save the project'}
      onClose={onClose}
      testId="project-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {mode === 'save' && (
            <button
              type="button"
              className="button primary"
              onClick={() => void save()}
              disabled={!name.trim()}
              data-testid="project-save-confirm"
            >
              {exists ? 'Replace' : 'Save'}
            </button>
          )}
        </>
      }
    >
      {mode === 'save' && (
        <div className="field">
          <label htmlFor="project-file-name">Project name</label>
          <input
            id="project-file-name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void save()}
            placeholder="my-network"
            data-testid="project-name-input"
          />
          <p className={exists ? 'field-help warn-text' : 'field-help'}>
            {exists
              ? 'A project with this name exists: saving replaces it.'
              : 'Saved in the server’s projects folder as a .layerlab.json file.'}
          </p>
        </div>
      )}
      {error && <p className="field-error">The projects folder could not be read: {error}</p>}
      {files && files.length === 0 && (
        <p className="muted">
          {mode === 'open' ? 'No saved projects yet. Save one with Ctrl+S first.' : 'The projects folder is empty.'}
        </p>
      )}
      {files && files.length > 0 && (
        <ul className="project-files" aria-label="Saved projects">
          {files.map((f) => (
            <li key={f.path}>
              <button
                type="button"
                className="project-file"
                onClick={() => (mode === 'open' ? void open(f.path) : setName(projectNameOf(f.path)))}
                data-testid="project-file"
              >
                <span className="project-file-name">{f.name || projectNameOf(f.path)}</span>
                <span className="project-file-time">{timeAgo(f.modifiedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
