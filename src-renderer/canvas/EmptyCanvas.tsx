// What an empty canvas says: how to start, by hand, from a template or with the lessons.
import { TEMPLATES } from '../templates/templates';
import { loadTemplate } from '../templates/loadTemplate';
import { useScreenStore } from '../navigation/screenStore';

export function EmptyCanvas() {
  return (
    <div className="empty-canvas" data-testid="empty-canvas">
      <div className="empty-canvas-card">
        <h2>Build a network</h2>
        <p>
          Drag an <strong>Input</strong> node here from the palette, then the layers that follow it, and connect them from right
          handle to left handle.
        </p>
        <p className="empty-canvas-or">or start from a template</p>
        <div className="template-chips">
          {TEMPLATES.map((t) => (
            <button key={t.id} type="button" className="chip" onClick={() => void loadTemplate(t.id)} title={t.description}>
              {t.name}
            </button>
          ))}
        </div>
        <p className="empty-canvas-or">or learn the basics step by step</p>
        <button
          type="button"
          className="button empty-lessons"
          onClick={() => useScreenStore.getState().show({ kind: 'lessons' })}
          data-testid="empty-open-lessons"
        >
          Open the lessons
        </button>
      </div>
    </div>
  );
}
