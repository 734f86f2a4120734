// Pick a template: a valid network with its dataset and training settings, ready to train.
import { Modal } from '../ui/Modal';
import { TEMPLATES } from './templates';
import { loadTemplate } from './loadTemplate';

export function TemplatesDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal
      title="Start from a template"
      onClose={onClose}
      wide
      testId="templates-dialog"
      footer={
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <ul className="template-cards">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className="template-card"
              onClick={() => {
                onClose();
                void loadTemplate(t.id);
              }}
              data-testid={`template-${t.id}`}
            >
              <span className="template-card-name">{t.name}</span>
              <span className="template-card-desc">{t.description}</span>
              <span className="template-card-meta">
                {t.doc.nodes.length} layers · {t.doc.training.dataset} · {t.doc.training.optimizer.name}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
