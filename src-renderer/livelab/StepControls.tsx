// The run bar's Playground controls: step one batch, step one epoch, fresh weights (same seed or a
// new one) and the speed runs play at. Each has a key (ui/shortcuts.ts), shown in its tooltip.
import { useRunStore } from '../runs/runStore';
import { reinitialize, setPlaySpeed, stepTraining } from '../runs/trainActions';
import { SPEEDS, usePaceStore } from '../runs/paceStore';
import { IconButton } from '../ui/IconButton';

export function StepControls() {
  const viewing = useRunStore((s) => s.viewed !== null);
  const delayMs = usePaceStore((s) => s.delayMs);
  return (
    <div className="step-controls" role="group" aria-label="Step and speed">
      <IconButton
        icon="stepOne"
        label="Step one batch"
        shortcut="stepBatch"
        onClick={() => void stepTraining('batch')}
        disabled={viewing}
        testId="step-batch"
      />
      <IconButton
        icon="stepEpoch"
        label="Step to the end of the epoch"
        shortcut="stepEpoch"
        onClick={() => void stepTraining('epoch')}
        disabled={viewing}
        testId="step-epoch"
      />
      <IconButton
        icon="reset"
        label="Re-initialise the weights (same seed)"
        shortcut="reinit"
        onClick={() => void reinitialize(false)}
        disabled={viewing}
        testId="reinit"
      />
      <IconButton
        icon="dice"
        label="Re-initialise with a new seed"
        shortcut="reinitNewSeed"
        onClick={() => void reinitialize(true)}
        disabled={viewing}
        testId="reinit-new-seed"
      />
      <select
        className="speed-select"
        aria-label="Speed: the pause between training steps"
        data-tip="Speed: the pause between training steps"
        data-tip-side="below"
        value={delayMs}
        onChange={(e) => void setPlaySpeed(Number(e.target.value))}
        data-testid="speed"
      >
        {SPEEDS.map((s) => (
          <option key={s.delayMs} value={s.delayMs}>
            {s.label}
            {/* Short enough to show whole in the bar; the tooltip says it is a pause per step. */}
            {s.delayMs ? ` · ${s.delayMs >= 1000 ? `${s.delayMs / 1000} s` : `${s.delayMs} ms`}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
