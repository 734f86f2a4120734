// The application frame: top bar, side panels, the editor or an opened run, and the inspector.
import { useEffect } from 'react';
import { TopBar } from '../topbar/TopBar';
import { Sidebar } from './Sidebar';
import { EditorCanvas } from '../canvas/EditorCanvas';
import { BottomPanel } from '../panels/BottomPanel';
import { Inspector } from '../inspector/Inspector';
import { RunView } from '../runs/RunView';
import { RunDetails } from '../runs/RunDetails';
import { useRunStore } from '../runs/runStore';
import { Dialogs } from '../ui/Dialogs';
import { ConnectionHintView, Toasts } from '../ui/Toasts';
import { useShortcuts } from './useShortcuts';
import { startApp } from './startApp';
import { useWindowTitle } from './useWindowTitle';
import { useScreenStore } from '../navigation/screenStore';
import { ScreenView } from '../navigation/ScreenView';
import { SweepDialog } from '../sweeps/SweepDialog';
import { subscribeToInsights } from '../insight/insightStore';
import { OutputColumn } from '../insight/OutputColumn';
import { api } from './api';

export function App() {
  const viewing = useRunStore((s) => s.viewed !== null);
  const screen = useScreenStore((s) => s.screen);
  useShortcuts();
  useWindowTitle();
  useEffect(() => startApp(), []);
  // Insight events (boundary, histograms) are live-only; keep the latest per run for the Inside screen.
  useEffect(() => subscribeToInsights((listener) => api().onRunUpdate(listener)), []);
  return (
    <div className="app">
      <TopBar />
      <div className="workspace">
        <Sidebar />
        {screen ? (
          <main className="center screen-view" aria-label="Analysis">
            <ScreenView />
          </main>
        ) : (
          <>
            <main className="center" aria-label={viewing ? 'Run' : 'Editor'}>
              {viewing ? (
                <RunView />
              ) : (
                <>
                  <div className="editor-row">
                    <EditorCanvas />
                    <OutputColumn />
                  </div>
                  <BottomPanel />
                </>
              )}
            </main>
            <aside className="inspector-pane" aria-label={viewing ? 'Run details' : 'Inspector'}>
              {viewing ? <RunDetails /> : <Inspector />}
            </aside>
          </>
        )}
      </div>
      <Dialogs />
      <SweepDialog />
      <Toasts />
      <ConnectionHintView />
    </div>
  );
}
