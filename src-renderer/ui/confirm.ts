// Asks the user to confirm in the app's own dialog; resolves true on confirm, false on cancel.
import { useUiStore } from './uiStore';

/** Like confirmAction, with a third button (e.g. "Save first" beside "Discard changes"). */
export function chooseAction(options: {
  title: string;
  text: string;
  confirmLabel: string;
  alternativeLabel: string;
  danger?: boolean;
}): Promise<'confirm' | 'alternative' | 'cancel'> {
  const { alternativeLabel, ...rest } = options;
  return new Promise((resolve) => {
    useUiStore.getState().openDialog({
      kind: 'confirm',
      ...rest,
      onConfirm: () => resolve('confirm'),
      onCancel: () => resolve('cancel'),
      alternative: { label: alternativeLabel, onChoose: () => resolve('alternative') },
    });
  });
}

export function confirmAction(options: {
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
}): Promise<boolean> {
  return new Promise((resolve) => {
    useUiStore.getState().openDialog({
      kind: 'confirm',
      ...options,
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
