// The left side: an activity bar switching between the layer palette and the run history.
import { useUiStore, type SideTab } from '../ui/uiStore';
import { ACTIVE_STATUSES, useRunStore } from '../runs/runStore';
import { Palette } from '../palette/Palette';
import { RunHistory } from '../runs/RunHistory';
import { Icon, type IconName } from '../ui/icons';
import { useSweepStore } from '../sweeps/sweepStore';
import { useScreenStore, type Screen } from '../navigation/screenStore';

const TABS: Array<{ id: SideTab; label: string; icon: IconName }> = [
  { id: 'layers', label: 'Layers', icon: 'layers' },
  { id: 'runs', label: 'Runs', icon: 'history' },
];

/** Tools that open a dialog or a full-width screen. */
const TOOLS: Array<{ label: string; short: string; tip?: string; icon: IconName; testId: string; open: () => void }> = [
  {
    label: 'Lessons',
    short: 'Learn',
    tip: 'Lessons: guided experiments that check their own claims',
    icon: 'book',
    testId: 'open-lessons',
    open: () => showScreen({ kind: 'lessons' }),
  },
  { label: 'New sweep', short: 'Sweep', icon: 'sweep', testId: 'open-sweep', open: () => useSweepStore.getState().setOpen(true) },
  {
    label: 'Optimizer lab',
    short: 'Optim',
    icon: 'descent',
    testId: 'open-optimizer-lab',
    open: () => showScreen({ kind: 'optimizerLab' }),
  },
  {
    label: 'Inside the network',
    short: 'Inside',
    icon: 'search',
    testId: 'open-inside',
    open: () => showScreen({ kind: 'inside' }),
  },
  {
    label: 'Initialization lab',
    short: 'Init',
    icon: 'spread',
    testId: 'open-init-lab',
    open: () => showScreen({ kind: 'initLab' }),
  },
  {
    label: 'Gradient check',
    short: 'Grads',
    icon: 'check',
    testId: 'open-gradcheck',
    open: () => showScreen({ kind: 'gradCheck' }),
  },
  {
    label: 'Sequences',
    short: 'Seqs',
    tip: 'Sequences: sample names, LSTM gates, word vectors',
    icon: 'chart',
    testId: 'open-sequences',
    open: () => showScreen({ kind: 'sequences' }),
  },
];

function showScreen(screen: Screen): void {
  useScreenStore.getState().show(screen);
}

export function Sidebar() {
  const tab = useUiStore((s) => s.sideTab);
  const setTab = useUiStore((s) => s.setSideTab);
  // The badge counts runs in progress (it showed every run ever made).
  const runCount = useRunStore((s) => s.runs.filter((r) => ACTIVE_STATUSES.includes(s.live[r.id]?.status ?? r.status)).length);
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
            {t.id === 'runs' && runCount > 0 && (
              <span className="activity-count" data-testid="runs-in-progress" title={`${runCount} in progress`}>
                {runCount}
              </span>
            )}
          </button>
        ))}
        <span className="activity-separator" />
        {TOOLS.map((t) => (
          <button
            key={t.testId}
            type="button"
            aria-label={t.label}
            data-tip={t.tip ?? t.label}
            data-tip-side="right"
            onClick={t.open}
            data-testid={t.testId}
            className="activity has-label"
          >
            <Icon name={t.icon} size={18} />
            <span className="activity-label" aria-hidden>
              {t.short}
            </span>
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
