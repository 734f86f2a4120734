// The run view's Export button: opens the Export dialog for the run shown.
import { IconButton } from '../ui/IconButton';
import { useUiStore } from '../ui/uiStore';

export function ExportButton({ runId, disabled }: { runId: string; disabled?: boolean }) {
  return (
    <IconButton
      icon="download"
      label="Export the model: weights, ONNX, PyTorch folder"
      onClick={() => useUiStore.getState().openDialog({ kind: 'exportModel', runId })}
      disabled={disabled}
      testId="export-model"
      className="has-text"
    >
      Export
    </IconButton>
  );
}
