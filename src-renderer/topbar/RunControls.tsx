// Train, Pause/Resume and Stop, with the live progress of the current run.
import { useRunStore, ACTIVE_STATUSES } from '../runs/runStore';
import { pauseOrResume, startTraining, stopTraining } from '../runs/trainActions';
import { formatCount, formatDuration } from '../runs/progress';
import { IconButton } from '../ui/IconButton';
import { Icon } from '../ui/icons';
import { SHORTCUTS } from '../ui/shortcuts';
import { StepControls } from '../livelab/StepControls';
import { TrainDialog, useTrainDialog } from '../livelab/TrainDialog';

export function RunControls() {
  const live = useRunStore((s) => (s.activeRunId ? s.live[s.activeRunId] : undefined));
  const viewing = useRunStore((s) => s.viewed !== null);
  const active = live !== undefined && ACTIVE_STATUSES.includes(live.status);
  const paused = active && live.status === 'paused';
  return (
    <div className="run-controls">
      {/* Every button keeps its place whether a run goes or not: when a run ends under the pointer,
          Stop turns disabled rather than into another action (it was "Train with a name…"). */}
      <div className="run-buttons">
        <button
          type="button"
          className="button primary"
          onClick={() => void startTraining()}
          disabled={viewing || active}
          data-tip={`Train this network (${SHORTCUTS.train})`}
          data-tip-side="below"
          data-testid="train"
        >
          <Icon name="play" /> Train
        </button>
        <IconButton
          icon="more"
          label="Train with a name and a description…"
          onClick={() => useTrainDialog.getState().setOpen(true)}
          disabled={viewing || active}
          testId="train-named"
        />
        <IconButton
          icon={paused ? 'play' : 'pause'}
          label={paused ? 'Resume' : 'Pause'}
          shortcut="playPause"
          onClick={() => void pauseOrResume()}
          disabled={!active}
          testId="pause"
          className="run-button"
        />
        <IconButton
          icon="stop"
          label="Stop"
          onClick={() => void stopTraining()}
          disabled={!active}
          testId="stop"
          className="run-button danger"
        />
      </div>
      <StepControls />
      {live && <Progress />}
      <TrainDialog />
    </div>
  );
}

function Progress() {
  const live = useRunStore((s) => (s.activeRunId ? s.live[s.activeRunId] : undefined));
  if (!live) return null;
  const p = live.progress;
  const fraction = p.totalSteps ? Math.min(1, p.step / p.totalSteps) : live.status === 'completed' ? 1 : 0;
  const bad = live.status === 'failed' || live.status === 'diverged' || live.status === 'interrupted';
  const running = ACTIVE_STATUSES.includes(live.status);
  const detail = running
    ? [
        p.epochs ? `epoch ${Math.min(p.epoch + 1, p.epochs)}/${p.epochs}` : 'starting…',
        // The time left comes early: a narrow bar cuts the end of this line, and the ETA was what got cut.
        p.etaMs !== null && p.step > 0 ? `${formatDuration(p.etaMs)} left` : null,
        p.totalSteps ? `step ${formatCount(p.step)}/${formatCount(p.totalSteps)}` : null,
        p.samplesPerSec ? `${formatCount(Math.round(p.samplesPerSec))} samples/s` : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : live.status === 'completed'
      ? `done · ${p.epoch} epochs · ${formatCount(p.step)} steps`
      : `${live.status}${p.epoch ? ` after ${p.epoch} epoch${p.epoch === 1 ? '' : 's'}` : ''}`;
  return (
    <div
      className={`progress ${bad ? 'is-bad' : ''} ${live.status === 'paused' ? 'is-paused' : ''}`}
      data-testid="progress"
      title={live.message ?? detail}
    >
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-label="Training progress"
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <span className="progress-text" data-testid="progress-text">
        {live.status === 'paused' ? `${live.halted ? 'paused' : 'pausing'} · ${detail}` : detail}
      </span>
    </div>
  );
}
