// The left side: an activity bar switching between the layer palette and the run history.
import { useUiStore, type SideTab } from '../ui/uiStore';
import { useRunStore } from '../runs/runStore';
import { Palette } from '../palette/Palette';
import { RunHistory } from '../runs/RunHistory';
import { Icon, type IconName } from '../ui/icons';

const TABS: Array<{ id: SideTab; label: string; icon: IconName }> = [
  { id: 'layers', label: 'Layers', icon: 'layers' },
  { id: 'runs', label: 'Runs', icon: 'history' },
];

export function Sidebar() {
  const tab = useUiStore((s) => s.sideTab);
  const setTab = useUiStore((s) => s.setSideTab);
  const runCount = useRunStore((s) => s.runs.length);
  return (
    <>
      <nav className="activity-bar" aria-label="Side panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            className="activity"
            aria-pressed={tab === t.id}
            aria-label={t.label}
            data-tip={t.label}
            data-tip-side="right"
            onClick={() => setTab(t.id)}
            data-testid={`side-${t.id}`}
          >
            <Icon name={t.icon} size={20} />
            {t.id === 'runs' && runCount > 0 && <span className="activity-count">{runCount}</span>}
          </button>
        ))}
      </nav>
      <aside className="sidebar" aria-label={tab === 'layers' ? 'Layers' : 'Runs'}>
        <h2 className="sidebar-title">{tab === 'layers' ? 'Layers' : 'Run history'}</h2>
        {tab === 'layers' ? <Palette /> : <RunHistory />}
      </aside>
    </>
  );
}
