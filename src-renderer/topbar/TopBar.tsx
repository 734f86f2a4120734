// The top bar: project, file commands, dataset, training controls and theme.
import { runCommand } from '../app/commands';
import { DatasetSelect } from '../datasets/DatasetSelect';
import { IconButton } from '../ui/IconButton';
import { useUiStore } from '../ui/uiStore';
import { ProjectTitle } from './ProjectTitle';
import { RunControls } from './RunControls';

export function TopBar() {
  const theme = useUiStore((s) => s.theme);
  return (
    <header className="topbar">
      <div className="brand" aria-label="LayerLab">
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="5" cy="6" r="2.4" fill="var(--accent)" />
          <circle cx="5" cy="18" r="2.4" fill="var(--accent)" />
          <circle cx="19" cy="12" r="2.4" fill="var(--accent)" />
          <path d="M7 6.8 17 11.2M7 17.2 17 12.8" stroke="var(--accent)" strokeWidth="1.8" />
        </svg>
        <span>LayerLab</span>
      </div>
      <ProjectTitle />
      <nav className="topbar-group" aria-label="Project">
        <IconButton icon="file" label="New project" onClick={() => runCommand('new')} testId="new-project" />
        <IconButton icon="folder" label="Open project" shortcut="open" onClick={() => runCommand('open')} testId="open-project" />
        <IconButton icon="save" label="Save project" shortcut="save" onClick={() => runCommand('save')} testId="save-project" />
        <IconButton icon="template" label="Templates" onClick={() => runCommand('templates')} testId="templates" />
        <IconButton icon="download" label="Import ONNX model…" onClick={() => runCommand('importOnnx')} testId="import-onnx" />
      </nav>
      <div className="topbar-sep" />
      <DatasetSelect />
      <div className="topbar-sep" />
      <RunControls />
      <div className="topbar-fill" />
      <IconButton
        icon={theme === 'dark' ? 'sun' : 'moon'}
        label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        onClick={() => runCommand('toggleTheme')}
        testId="theme-toggle"
        tipAlign="end"
      />
    </header>
  );
}
