// Asks the user to confirm in the app's own dialog; resolves true on confirm, false on cancel.
import { useUiStore } from './uiStore';

export function confirmAction(options: { title: string; text: string; confirmLabel: string; danger?: boolean }): Promise<boolean> {
  return new Promise((resolve) => {
    useUiStore.getState().openDialog({
      kind: 'confirm',
      ...options,
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
