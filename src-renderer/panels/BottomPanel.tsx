// The tabbed panel under the canvas: Training, Dataset, Charts, Problems.
import type { KeyboardEvent } from 'react';
import { useUiStore, type BottomTab } from '../ui/uiStore';
import { useLiveCheck } from '../validation/useLiveCheck';
import { useGraphStore } from '../document/graphStore';
import { TrainingPanel } from './TrainingPanel';
import { DatasetPanel } from '../datasets/DatasetPanel';
import { ChartsPanel } from './ChartsPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { Icon, type IconName } from '../ui/icons';
import { PanelResizer } from './PanelResizer';

const TABS: Array<{ id: BottomTab; label: string; icon: IconName }> = [
  { id: 'training', label: 'Training', icon: 'sliders' },
  { id: 'dataset', label: 'Dataset', icon: 'database' },
  { id: 'charts', label: 'Charts', icon: 'chart' },
  { id: 'problems', label: 'Problems', icon: 'warning' },
];

export function BottomPanel() {
  const tab = useUiStore((s) => s.bottomTab);
  const open = useUiStore((s) => s.bottomOpen);
  const setTab = useUiStore((s) => s.setBottomTab);
  const setOpen = useUiStore((s) => s.setBottomOpen);
  const height = useUiStore((s) => s.bottomHeight);
  const check = useLiveCheck();
  const hasNodes = useGraphStore((s) => s.nodes.length > 0);
  const problems = hasNodes ? check.issues.length : 0;

  // Arrow keys move between tabs, as in any tab list.
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : null;
    if (!next) return;
    e.preventDefault();
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <section
      className={`bottom-panel ${open ? '' : 'is-collapsed'}`}
      aria-label="Settings and results"
      style={{ ['--bottom-height' as string]: `${height}px` }}
    >
      {open && <PanelResizer />}
      <div className="tab-bar" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={open && tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            <Icon name={t.icon} />
            {t.label}
            {t.id === 'problems' && problems > 0 && (
              <span className="count-badge" data-testid="problem-count">
                {problems}
              </span>
            )}
          </button>
        ))}
        <span className="tab-bar-fill" />
        <button
          type="button"
          className="icon-button"
          onClick={() => setOpen(!open)}
          aria-label={open ? 'Collapse the panel' : 'Expand the panel'}
          data-tip={open ? 'Collapse the panel' : 'Expand the panel'}
          data-tip-side="above"
        >
          <Icon name="chevronDown" className={open ? '' : 'flip'} />
        </button>
      </div>
      {open && (
        // Keyed by tab, so each tab starts scrolled to its top.
        <div key={tab} className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'training' && <TrainingPanel />}
          {tab === 'dataset' && <DatasetPanel />}
          {tab === 'charts' && <ChartsPanel />}
          {tab === 'problems' && <ProblemsPanel />}
        </div>
      )}
    </section>
  );
}
