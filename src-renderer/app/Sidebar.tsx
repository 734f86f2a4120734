// The left side: an activity bar switching between the layer palette and the run history.
import { useUiStore, type SideTab } from '../ui/uiStore';
import { useRunStore } from '../runs/runStore';
import { Palette } from '../palette/Palette';
import { RunHistory } from '../runs/RunHistory';
import { Icon, type IconName } from '../ui/icons';
import { useSweepStore } from '../sweeps/sweepStore';
import { useScreenStore } from '../compare/screenStore';

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
        <span className="activity-separator" />
        <button type="button" className="activity" aria-label="New sweep" data-tip="New sweep" data-tip-side="right" onClick={() => useSweepStore.getState().setOpen(true)} data-testid="open-sweep">
          <Icon name="sweep" size={20} />
        </button>
        <button type="button" className="activity" aria-label="Optimizer lab" data-tip="Optimizer lab" data-tip-side="right" onClick={() => useScreenStore.getState().show({ kind: 'optimizerLab' })} data-testid="open-optimizer-lab">
          <Icon name="descent" size={20} />
        </button>
        <button type="button" className="activity" aria-label="Inside the network" data-tip="Inside the network" data-tip-side="right" onClick={() => useScreenStore.getState().show({ kind: 'inside' })} data-testid="open-inside">
          <Icon name="search" size={20} />
        </button>
        <button type="button" className="activity" aria-label="Initialization lab" data-tip="Initialization lab" data-tip-side="right" onClick={() => useScreenStore.getState().show({ kind: 'initLab' })} data-testid="open-init-lab">
          <Icon name="spread" size={20} />
        </button>
        <button type="button" className="activity" aria-label="Gradient check" data-tip="Gradient check" data-tip-side="right" onClick={() => useScreenStore.getState().show({ kind: 'gradCheck' })} data-testid="open-gradcheck">
          <Icon name="check" size={20} />
        </button>
        <button type="button" className="activity" aria-label="Sequences" data-tip="Sequences: sample names, LSTM gates" data-tip-side="right" onClick={() => useScreenStore.getState().show({ kind: 'sequences' })} data-testid="open-sequences">
          <Icon name="chart" size={20} />
        </button>
      </nav>
      <aside className="sidebar" aria-label={tab === 'layers' ? 'Layers' : 'Runs'}>
        <h2 className="sidebar-title">{tab === 'layers' ? 'Layers' : 'Run history'}</h2>
        {tab === 'layers' ? <Palette /> : <RunHistory />}
      </aside>
    </>
  );
}
