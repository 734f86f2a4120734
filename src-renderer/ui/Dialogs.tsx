// Shows whichever dialog is open: confirm, open/save (serve mode) or templates.
import { useUiStore } from './uiStore';
import { Modal } from './Modal';
import { ProjectDialog } from '../project/ProjectDialog';
import { TemplatesDialog } from '../templates/TemplatesDialog';
import { ExportDialog } from '../export/ExportDialog';

export function Dialogs() {
  const dialog = useUiStore((s) => s.dialog);
  const close = useUiStore((s) => s.closeDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'open':
    case 'save':
      return <ProjectDialog mode={dialog.kind} onClose={close} />;
    case 'templates':
      return <TemplatesDialog onClose={close} />;
    case 'exportModel':
      return <ExportDialog {...(dialog.runId ? { runId: dialog.runId } : {})} onClose={close} />;
    case 'confirm': {
      const cancel = () => {
        close();
        dialog.onCancel();
      };
      const confirm = () => {
        close();
        dialog.onConfirm();
      };
      return (
        <Modal
          title={dialog.title}
          onClose={cancel}
          testId="confirm-dialog"
          footer={
            <>
              <button type="button" className="button" onClick={cancel} autoFocus>
                Cancel
              </button>
              {dialog.alternative && (
                <button
                  type="button"
                  className="button primary"
                  onClick={() => {
                    close();
                    dialog.alternative!.onChoose();
                  }}
                  data-testid="confirm-alternative"
                >
                  {dialog.alternative.label}
                </button>
              )}
              <button
                type="button"
                className={dialog.danger ? 'button danger' : 'button primary'}
                onClick={confirm}
                data-testid="confirm"
              >
                {dialog.confirmLabel}
              </button>
            </>
          }
        >
          <p>{dialog.text}</p>
        </Modal>
      );
    }
  }
}
