// Short messages in the bottom-right corner, and the refused-connection hint next to the pointer.
import { useUiStore } from './uiStore';
import { Icon } from './icons';

export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} data-testid={`toast-${t.kind}`}>
          <Icon name={t.kind === 'error' ? 'warning' : t.kind === 'success' ? 'check' : 'info'} />
          <span>{t.text}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}

export function ConnectionHintView() {
  const hint = useUiStore((s) => s.hint);
  if (!hint) return null;
  return (
    <div className="connection-hint" style={{ left: hint.x + 14, top: hint.y + 14 }} role="tooltip" data-testid="connection-hint">
      {hint.text}
    </div>
  );
}
